<?xml version="1.0" encoding="UTF-8"?>
<!-- The staff consoles (issue 6.2-6.4), rendered by obfcgi (cgi/console.c)
     with the layout and strings of the static site.  /page/@console:
       signin    the sign-in form (an authentication key in NCALayer)
       home      who is signed in, the consoles of their roles
       operator  P-15: the moderation queue by due date, publish / refuse
       admin     P-16: proposals awaiting an answer, the answer form, the
                 administrator's documents and final reports (P-17), and
                 posting a new passport or report (P-9, P-10)
       denied    signed in, but without the role this console needs
     Every decision is a form.ob-sign that public/portal.js signs in
     NCALayer and posts to /api/; the session only shows the pages. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="http://www.w3.org/1999/xhtml">
  <xsl:import href="common.xsl"/>

  <xsl:variable name="console" select="concat($base, 'console/', $lang, '/')"/>

  <xsl:template match="page" mode="title">
    <xsl:call-template name="t"><xsl:with-param name="k" select="concat('console.title.', @console)"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="page" mode="main">
    <xsl:if test="user">
      <nav class="console-bar">
        <xsl:attribute name="aria-label"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.nav'"/></xsl:call-template></xsl:attribute>
        <p class="who"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.signed-in-as'"/></xsl:call-template>
          <xsl:text> </xsl:text><strong><xsl:value-of select="user/@name"/></strong></p>
        <ul>
          <li><a href="{$console}"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.title.home'"/></xsl:call-template></a></li>
          <xsl:if test="user/@operator = 'yes'">
            <li><a href="{$console}operator"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.title.operator'"/></xsl:call-template></a></li>
          </xsl:if>
          <xsl:if test="user/admin">
            <li><a href="{$console}admin"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.title.admin'"/></xsl:call-template></a></li>
          </xsl:if>
        </ul>
        <!-- A plain form: logging out needs no script, and the token keeps
             other sites from doing it (issue 6.2). -->
        <form method="post" action="{$base}console/logout" class="logout">
          <input type="hidden" name="csrf" value="{@csrf}"/>
          <input type="hidden" name="lang" value="{$lang}"/>
          <button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.logout'"/></xsl:call-template></button>
        </form>
      </nav>
    </xsl:if>
    <h1><xsl:apply-templates select="." mode="title"/></h1>
    <xsl:apply-templates select="." mode="console"/>
  </xsl:template>

  <!-- ==== sign-in (issue 6.2, A-11) ==== -->
  <xsl:template match="page[@console = 'signin']" mode="console">
    <p><xsl:call-template name="t"><xsl:with-param name="k" select="'console.signin.how'"/></xsl:call-template></p>
    <p class="needs-script"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.needs-script'"/></xsl:call-template></p>
    <form class="ob-sign" data-kind="login" data-key="AUTHENTICATION" action="{$base}api/session"
          method="post" data-next="{$base}{@path}" hidden="hidden">
      <button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.signin.button'"/></xsl:call-template></button>
      <p class="ob-status" role="status" aria-live="polite"></p>
    </form>
  </xsl:template>

  <xsl:template match="page[@console = 'home']" mode="console">
    <p><xsl:call-template name="t"><xsl:with-param name="k" select="'console.home.lead'"/></xsl:call-template></p>
    <ul class="consoles">
      <xsl:if test="user/@operator = 'yes'">
        <li><a href="{$console}operator"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.title.operator'"/></xsl:call-template></a>
          — <xsl:call-template name="t"><xsl:with-param name="k" select="'console.home.operator'"/></xsl:call-template></li>
      </xsl:if>
      <xsl:if test="user/admin">
        <li><a href="{$console}admin"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.title.admin'"/></xsl:call-template></a>
          — <xsl:call-template name="t"><xsl:with-param name="k" select="'console.home.admin'"/></xsl:call-template>
          <xsl:text> </xsl:text>
          <xsl:for-each select="user/admin"><xsl:if test="position() &gt; 1">, </xsl:if><xsl:value-of select="@code"/></xsl:for-each></li>
      </xsl:if>
    </ul>
    <p class="note"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.home.signed'"/></xsl:call-template></p>
  </xsl:template>

  <xsl:template match="page[@console = 'denied']" mode="console">
    <p><xsl:call-template name="t"><xsl:with-param name="k" select="'console.denied.lead'"/></xsl:call-template></p>
  </xsl:template>

  <!-- ==== the operator: P-15 ==== -->
  <xsl:template match="page[@console = 'operator']" mode="console">
    <p><xsl:call-template name="t"><xsl:with-param name="k" select="'console.operator.lead'"/></xsl:call-template></p>
    <p class="count"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.queue.count'"/></xsl:call-template>
      <xsl:value-of select="concat(': ', count(queue/proposal))"/></p>
    <xsl:choose>
      <xsl:when test="queue/proposal">
        <ol class="queue">
          <xsl:for-each select="queue/proposal">
            <li class="queued" id="p{@id}">
              <xsl:call-template name="proposal-context"/>
              <div class="decisions">
                <form class="ob-sign publish" data-kind="moderation" action="{$base}api/moderation" method="post" hidden="hidden">
                  <input type="hidden" name="proposal" value="{@id}"/>
                  <input type="hidden" name="decision" value="publish"/>
                  <button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.publish'"/></xsl:call-template></button>
                  <p class="ob-status" role="status" aria-live="polite"></p>
                </form>
                <form class="ob-sign refuse" data-kind="moderation" action="{$base}api/moderation" method="post" hidden="hidden">
                  <fieldset>
                    <legend><xsl:call-template name="t"><xsl:with-param name="k" select="'console.refuse'"/></xsl:call-template></legend>
                    <input type="hidden" name="proposal" value="{@id}"/>
                    <input type="hidden" name="decision" value="refuse"/>
                    <label for="reason-{@id}"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.reason'"/></xsl:call-template></label>
                    <select name="reason" id="reason-{@id}" required="required">
                      <xsl:for-each select="$S/s[starts-with(@key, 'reason.')]">
                        <option value="{substring-after(@key, 'reason.')}"><xsl:value-of select="."/></option>
                      </xsl:for-each>
                    </select>
                    <label for="why-{@id}"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.justification'"/></xsl:call-template></label>
                    <textarea name="justification" id="why-{@id}" rows="3" maxlength="1000" required="required"></textarea>
                    <button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.refuse.button'"/></xsl:call-template></button>
                  </fieldset>
                  <p class="ob-status" role="status" aria-live="polite"></p>
                </form>
              </div>
            </li>
          </xsl:for-each>
        </ol>
      </xsl:when>
      <xsl:otherwise><p class="empty"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.queue.empty'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A proposal in the context of its document and structural part, with
       its deadline and the screening's advice (P-14, P-15, P-16). -->
  <xsl:template name="proposal-context">
    <h2 id="h-p{@id}"><xsl:call-template name="t"><xsl:with-param name="k" select="'disc.proposal'"/></xsl:call-template>
      <xsl:value-of select="concat(' ', @id)"/></h2>
    <dl class="facts">
      <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'console.document'"/></xsl:call-template></dt>
      <dd><a href="{$base}{@href}"><xsl:value-of select="doc-title"/></a> (<xsl:value-of select="@document"/>)</dd>
      <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'console.part'"/></xsl:call-template></dt>
      <dd><a href="{$base}{@href}#part-{@part}"><xsl:value-of select="part-title"/></a></dd>
      <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'console.received'"/></xsl:call-template></dt>
      <dd><xsl:call-template name="date"><xsl:with-param name="d" select="@day"/></xsl:call-template></dd>
      <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'console.due'"/></xsl:call-template></dt>
      <dd>
        <xsl:attribute name="class">due<xsl:if test="@overdue = 'yes'"> overdue</xsl:if></xsl:attribute>
        <xsl:call-template name="date"><xsl:with-param name="d" select="@due"/></xsl:call-template>
        <xsl:text> — </xsl:text>
        <xsl:choose>
          <xsl:when test="@overdue = 'yes'"><strong><xsl:call-template name="t"><xsl:with-param name="k" select="'console.overdue'"/></xsl:call-template></strong></xsl:when>
          <xsl:when test="@left = 0"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.due-today'"/></xsl:call-template></xsl:when>
          <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'console.days-left'"/></xsl:call-template>
            <xsl:value-of select="concat(': ', @left)"/></xsl:otherwise>
        </xsl:choose>
      </dd>
      <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'console.language'"/></xsl:call-template></dt>
      <dd><xsl:call-template name="t"><xsl:with-param name="k" select="concat('disc.lang.', @lang)"/></xsl:call-template></dd>
      <xsl:if test="@flags != ''">
        <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'console.flags'"/></xsl:call-template></dt>
        <dd class="flags"><ul><xsl:call-template name="flags"><xsl:with-param name="list" select="@flags"/></xsl:call-template></ul></dd>
      </xsl:if>
    </dl>
    <xsl:if test="part-text != ''">
      <details class="part-text">
        <summary><xsl:call-template name="t"><xsl:with-param name="k" select="'console.part-text'"/></xsl:call-template></summary>
        <p><xsl:value-of select="part-text"/>…</p>
      </details>
    </xsl:if>
    <blockquote class="text" lang="{@lang}"><p><xsl:value-of select="text"/></p></blockquote>
  </xsl:template>

  <xsl:template name="flags">
    <xsl:param name="list"/>
    <xsl:variable name="first" select="substring-before(concat($list, ','), ',')"/>
    <li class="flag flag-{$first}"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('flag.', $first)"/></xsl:call-template></li>
    <xsl:if test="contains($list, ',')">
      <xsl:call-template name="flags"><xsl:with-param name="list" select="substring-after($list, ',')"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ==== the administrator: P-9, P-10, P-16, P-17 ==== -->
  <xsl:template match="page[@console = 'admin']" mode="console">
    <p><xsl:call-template name="t"><xsl:with-param name="k" select="'console.admin.lead'"/></xsl:call-template></p>
    <xsl:for-each select="administrator">
      <section class="administrator" aria-labelledby="h-admin-{@code}">
        <h2 id="h-admin-{@code}"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.administrator'"/></xsl:call-template>
          <xsl:value-of select="concat(' ', @code)"/></h2>

        <section aria-labelledby="h-unanswered-{@code}">
          <h3 id="h-unanswered-{@code}"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.unanswered'"/></xsl:call-template>
            <xsl:value-of select="concat(' (', count(unanswered/proposal), ')')"/></h3>
          <xsl:choose>
            <xsl:when test="unanswered/proposal">
              <ol class="queue">
                <xsl:for-each select="unanswered/proposal">
                  <li class="queued" id="p{@id}">
                    <xsl:call-template name="proposal-context"/>
                    <form class="ob-sign answer" data-kind="answer" action="{$base}api/answers" method="post" hidden="hidden">
                      <fieldset>
                        <legend><xsl:call-template name="t"><xsl:with-param name="k" select="'console.answer'"/></xsl:call-template></legend>
                        <input type="hidden" name="proposal" value="{@id}"/>
                        <p>
                          <input type="radio" name="decision" value="accepted" id="acc-{@id}" required="required"/>
                          <label for="acc-{@id}"><xsl:call-template name="t"><xsl:with-param name="k" select="'answer.accepted'"/></xsl:call-template></label>
                          <input type="radio" name="decision" value="not-accepted" id="nacc-{@id}"/>
                          <label for="nacc-{@id}"><xsl:call-template name="t"><xsl:with-param name="k" select="'answer.not-accepted'"/></xsl:call-template></label>
                        </p>
                        <label for="alang-{@id}"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.answer.lang'"/></xsl:call-template></label>
                        <select name="lang" id="alang-{@id}">
                          <option value="kk"><xsl:if test="$lang = 'kk'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:call-template name="t"><xsl:with-param name="k" select="'disc.lang.kk'"/></xsl:call-template></option>
                          <option value="ru"><xsl:if test="$lang = 'ru'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:call-template name="t"><xsl:with-param name="k" select="'disc.lang.ru'"/></xsl:call-template></option>
                        </select>
                        <label for="ajust-{@id}"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.justification'"/></xsl:call-template></label>
                        <textarea name="justification" id="ajust-{@id}" rows="3" maxlength="4000" required="required"></textarea>
                        <button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.answer.button'"/></xsl:call-template></button>
                      </fieldset>
                      <p class="ob-status" role="status" aria-live="polite"></p>
                    </form>
                  </li>
                </xsl:for-each>
              </ol>
            </xsl:when>
            <xsl:otherwise><p class="empty"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.unanswered.none'"/></xsl:call-template></p></xsl:otherwise>
          </xsl:choose>
        </section>

        <section aria-labelledby="h-docs-{@code}">
          <h3 id="h-docs-{@code}"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.documents'"/></xsl:call-template></h3>
          <div class="scroll">
            <table class="documents">
              <caption><xsl:call-template name="t"><xsl:with-param name="k" select="'console.documents'"/></xsl:call-template>
                <xsl:value-of select="concat(' ', @code)"/></caption>
              <thead>
                <tr>
                  <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'doc.number'"/></xsl:call-template></th>
                  <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.document'"/></xsl:call-template></th>
                  <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.status'"/></xsl:call-template></th>
                  <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.discussion-end'"/></xsl:call-template></th>
                  <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.proposals'"/></xsl:call-template></th>
                  <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.final-report'"/></xsl:call-template></th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="documents/document">
                  <tr>
                    <td><xsl:value-of select="@number"/></td>
                    <td><a href="{$base}{@href}"><xsl:value-of select="title"/></a></td>
                    <td><xsl:call-template name="t"><xsl:with-param name="k" select="concat('status.', @status)"/></xsl:call-template></td>
                    <td><xsl:if test="@end != ''"><xsl:call-template name="date"><xsl:with-param name="d" select="@end"/></xsl:call-template></xsl:if></td>
                    <td class="num"><xsl:value-of select="concat(@published, ' / ', @answered)"/></td>
                    <td>
                      <xsl:if test="@report">
                        <a href="{$base}{@report}">HTML</a><xsl:text> · </xsl:text>
                        <a href="{$base}{@report-xml}">XML</a><xsl:text> · </xsl:text>
                        <a href="{$base}{@report-csv}">CSV</a>
                      </xsl:if>
                    </td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
          <p class="note"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.proposals.note'"/></xsl:call-template></p>
        </section>
      </section>
    </xsl:for-each>

    <!-- P-9, P-10: a new passport or report, checked before it is signed. -->
    <section class="post-document" aria-labelledby="h-post">
      <h2 id="h-post"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.post'"/></xsl:call-template></h2>
      <p><xsl:call-template name="t"><xsl:with-param name="k" select="'console.post.how'"/></xsl:call-template>
        <xsl:text> </xsl:text><a href="{$base}schema/passport.xsd">passport.xsd</a>
        <xsl:text>, </xsl:text><a href="{$base}schema/implementation-report.xsd">implementation-report.xsd</a></p>
      <form class="ob-sign" data-kind="document" action="{$base}api/documents" method="post" hidden="hidden">
        <input type="hidden" name="csrf" value="{@csrf}"/>
        <label for="doc-file"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.post.file'"/></xsl:call-template></label>
        <input type="file" name="file" id="doc-file" accept=".xml,application/xml,text/xml"/>
        <p class="buttons">
          <button type="button" name="check" value="check"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.post.check'"/></xsl:call-template></button>
          <button type="submit" name="sign" value="sign" disabled="disabled"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.post.sign'"/></xsl:call-template></button>
        </p>
        <ul class="ob-problems"></ul>
        <p class="ob-status" role="status" aria-live="polite"></p>
      </form>
    </section>
  </xsl:template>
</xsl:stylesheet>
