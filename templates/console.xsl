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
       error     the page could not be shown: error/@code, error/@status
     Every decision is a form.ob-sign that public/portal.js signs in
     NCALayer and posts to /api/; the session only shows the pages. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="http://www.w3.org/1999/xhtml"
                xmlns:ob="urn:obgen:strings" exclude-result-prefixes="ob">
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
          <xsl:if test="user/@operator = 'yes'">
            <li><a href="{$console}requests"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.title.requests'"/></xsl:call-template></a></li>
            <li><a href="{$console}audit"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.title.audit'"/></xsl:call-template></a></li>
          </xsl:if>
          <xsl:if test="user/admin">
            <li><a href="{$console}admin"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.title.admin'"/></xsl:call-template></a></li>
          </xsl:if>
          <xsl:if test="user/@oversight = 'yes'">
            <li><a href="{$console}oversight"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.title.oversight'"/></xsl:call-template></a></li>
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
    <p><a href="{$console}instructions"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.title.instructions'"/></xsl:call-template></a></p>
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
      <xsl:if test="user/@oversight = 'yes'">
        <li><a href="{$console}oversight"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.title.oversight'"/></xsl:call-template></a>
          — <xsl:call-template name="t"><xsl:with-param name="k" select="'console.home.oversight'"/></xsl:call-template></li>
      </xsl:if>
    </ul>
    <p class="note"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.home.signed'"/></xsl:call-template></p>
  </xsl:template>

  <!-- A page that could not be shown (cgi/console.c error_page): the
       error's own message, as the API gives it, and the way back. -->
  <xsl:template match="page[@console = 'error']" mode="console">
    <p role="alert"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('err.', error/@code)"/></xsl:call-template></p>
    <p><a href="{$console}"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.error.back'"/></xsl:call-template></a></p>
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

  <!-- ==== oversight bodies: issue 7, Order No. 270 (A-6..A-15) ==== -->

  <!-- A list of <row>s as a table: one column per attribute, headed by the
       string ov.col.NAME; the same rows are the CSV and XML exports. -->
  <xsl:template match="rows" mode="table">
    <xsl:param name="caption"/>
    <xsl:choose>
      <xsl:when test="row">
        <div class="scroll" role="region" tabindex="0" aria-label="{$caption}">
          <table class="rows rows-{@name}">
            <caption><xsl:value-of select="$caption"/></caption>
            <thead><tr>
              <xsl:for-each select="row[1]/@*">
                <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('ov.col.', name())"/></xsl:call-template></th>
              </xsl:for-each>
            </tr></thead>
            <tbody>
              <xsl:for-each select="row">
                <tr><xsl:for-each select="@*"><td><xsl:apply-templates select="." mode="cell"/></td></xsl:for-each></tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise><p class="empty"><xsl:call-template name="t"><xsl:with-param name="k" select="'none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="@*" mode="cell"><xsl:value-of select="."/></xsl:template>
  <xsl:template match="rows[@name = 'documents']/row/@number" mode="cell">
    <a href="{$console}oversight/doc/{../@id}"><xsl:value-of select="."/></a>
  </xsl:template>
  <xsl:template match="rows[@name = 'documents']/row/@status" mode="cell">
    <xsl:call-template name="t"><xsl:with-param name="k" select="concat('status.', .)"/></xsl:call-template>
  </xsl:template>
  <!-- Dates as on the site (DD.MM.YYYY in <time>); the exports keep ISO. -->
  <xsl:template match="row/@day[. != ''] | row/@decided[. != ''] | row/@answer-day[. != '']
                       | row/@posted[. != ''] | row/@discussion-end[. != ''] | row/@due[. != '']" mode="cell">
    <xsl:call-template name="date"><xsl:with-param name="d" select="."/></xsl:call-template>
  </xsl:template>
  <!-- The log's times, Astana's (cgi/oversight_console.c): DD.MM.YYYY HH:MM:SS. -->
  <xsl:template match="rows[@name = 'audit']/row/@at[string-length(.) = 25]" mode="cell">
    <time datetime="{.}"><xsl:value-of select="concat(substring(., 9, 2), '.', substring(., 6, 2), '.',
      substring(., 1, 4), ' ', substring(., 12, 8))"/></time>
  </xsl:template>
  <!-- Codes read as words; the exports keep the codes. -->
  <xsl:template match="rows[@name = 'documents']/row/@kind" mode="cell">
    <xsl:call-template name="t"><xsl:with-param name="k" select="concat('kind.', .)"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="rows[@name = 'proposals']/row/@status" mode="cell">
    <xsl:call-template name="t"><xsl:with-param name="k" select="concat('pstatus.', .)"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="rows[@name = 'proposals']/row/@decision[. != '']" mode="cell">
    <xsl:call-template name="t"><xsl:with-param name="k" select="concat('moderation.', .)"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="rows[@name = 'proposals']/row/@reason[. != '']" mode="cell">
    <xsl:call-template name="t"><xsl:with-param name="k" select="concat('reason.', .)"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="rows[@name = 'proposals']/row/@answer[. != '']" mode="cell">
    <xsl:call-template name="t"><xsl:with-param name="k" select="concat('answer.', .)"/></xsl:call-template>
  </xsl:template>
  <!-- The log is evidence: an action without a name still shows its code. -->
  <xsl:template match="rows[@name = 'audit']/row/@action" mode="cell">
    <xsl:variable name="w" select="ob:t($lang, concat('ov.action.', .))"/>
    <xsl:value-of select="$w"/>
    <xsl:if test="$w = ''"><xsl:value-of select="."/></xsl:if>
  </xsl:template>
  <xsl:template match="rows[@name = 'compliance']/row/@state" mode="cell">
    <xsl:call-template name="t"><xsl:with-param name="k" select="concat('compliance.', .)"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="exports">
    <p class="exports"><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.exports'"/></xsl:call-template>
      <xsl:for-each select="$S/s[starts-with(@key, 'ov.export.')]">
        <xsl:variable name="n" select="substring-after(@key, 'ov.export.')"/>
        <xsl:text> </xsl:text><xsl:value-of select="."/><xsl:text>: </xsl:text>
        <a href="{$base}console/oversight/export/{$n}.csv">CSV</a><xsl:text> · </xsl:text>
        <a href="{$base}console/oversight/export/{$n}.xml">XML</a><xsl:text>;</xsl:text>
      </xsl:for-each>
    </p>
  </xsl:template>

  <xsl:template match="page[@console = 'oversight' or @console = 'oversight-doc']" mode="account">
    <dl class="facts account">
      <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.body'"/></xsl:call-template></dt>
      <dd><xsl:choose><xsl:when test="$lang = 'kk'"><xsl:value-of select="account/@body-kk"/></xsl:when><xsl:otherwise><xsl:value-of select="account/@body-ru"/></xsl:otherwise></xsl:choose></dd>
      <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.scope'"/></xsl:call-template></dt>
      <dd><xsl:call-template name="t"><xsl:with-param name="k" select="concat('ov.kind.', account/@kind)"/></xsl:call-template>
        <xsl:if test="account/@region != ''"><xsl:value-of select="concat(' (KATO ', account/@region, ')')"/></xsl:if>
        <xsl:if test="account/@codes != ''"><xsl:value-of select="concat(' (', account/@codes, ')')"/></xsl:if></dd>
      <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.expires'"/></xsl:call-template></dt>
      <dd><xsl:call-template name="date"><xsl:with-param name="d" select="account/@expires"/></xsl:call-template></dd>
    </dl>
    <p class="note"><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.logged'"/></xsl:call-template></p>
  </xsl:template>

  <xsl:template match="page[@console = 'oversight']" mode="console">
    <xsl:apply-templates select="." mode="account"/>
    <xsl:call-template name="exports"/>
    <h2 id="h-docs"><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.documents'"/></xsl:call-template></h2>
    <xsl:apply-templates select="rows[@name = 'documents']" mode="table">
      <xsl:with-param name="caption" select="ob:t($lang, 'ov.documents')"/>
    </xsl:apply-templates>
    <h2 id="h-compliance"><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.compliance'"/></xsl:call-template></h2>
    <xsl:apply-templates select="rows[@name = 'compliance']" mode="table">
      <xsl:with-param name="caption" select="ob:t($lang, 'ov.compliance')"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:template match="page[@console = 'oversight-doc']" mode="console">
    <xsl:apply-templates select="." mode="account"/>
    <p><a href="{$console}oversight"><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.back'"/></xsl:call-template></a></p>
    <h2 id="h-proposals"><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.proposals'"/></xsl:call-template></h2>
    <xsl:apply-templates select="rows[@name = 'proposals']" mode="table">
      <xsl:with-param name="caption" select="ob:t($lang, 'ov.proposals')"/>
    </xsl:apply-templates>
    <h2 id="h-votes"><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.votes'"/></xsl:call-template></h2>
    <xsl:apply-templates select="rows[@name = 'votes']" mode="table">
      <xsl:with-param name="caption" select="ob:t($lang, 'ov.votes')"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- Issue 7.5: what every oversight account opened, for the operator. -->
  <xsl:template match="page[@console = 'audit']" mode="console">
    <p><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.audit.lead'"/></xsl:call-template>
      <xsl:text> </xsl:text><a href="{$base}console/audit.csv">CSV</a></p>
    <xsl:apply-templates select="rows[@name = 'audit']" mode="table">
      <xsl:with-param name="caption" select="ob:t($lang, 'console.title.audit')"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- A-8, A-9: requests with their deadlines; each decision signed. -->
  <xsl:template match="page[@console = 'requests']" mode="console">
    <p><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.requests.lead'"/></xsl:call-template></p>
    <xsl:choose>
      <xsl:when test="rows/row">
        <ol class="queue">
          <xsl:for-each select="rows/row">
            <li class="queued" id="r{@id}">
              <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.request'"/></xsl:call-template>
                <xsl:value-of select="concat(' ', @id, ': ', @full-name)"/></h2>
              <dl class="facts">
                <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.body'"/></xsl:call-template></dt>
                <dd><xsl:value-of select="@body"/> (<xsl:call-template name="t"><xsl:with-param name="k" select="concat('ov.kind.', @body-kind)"/></xsl:call-template>)</dd>
                <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.col.position'"/></xsl:call-template></dt>
                <dd><xsl:value-of select="concat(@position, ', ', @unit)"/></dd>
                <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.col.purpose'"/></xsl:call-template></dt>
                <dd><xsl:value-of select="@purpose"/></dd>
                <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.col.state'"/></xsl:call-template></dt>
                <dd><xsl:call-template name="t"><xsl:with-param name="k" select="concat('ov.state.', @state)"/></xsl:call-template></dd>
                <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.col.review-due'"/></xsl:call-template></dt>
                <dd><xsl:attribute name="class">due<xsl:if test="@review-overdue = 'yes'"> overdue</xsl:if></xsl:attribute>
                  <xsl:call-template name="date"><xsl:with-param name="d" select="@review-due"/></xsl:call-template>
                  <xsl:if test="@review-overdue = 'yes'"> — <strong><xsl:call-template name="t"><xsl:with-param name="k" select="'console.overdue'"/></xsl:call-template></strong></xsl:if></dd>
                <xsl:if test="@grant-due != ''">
                  <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.col.grant-due'"/></xsl:call-template></dt>
                  <dd><xsl:attribute name="class">due<xsl:if test="@grant-overdue = 'yes'"> overdue</xsl:if></xsl:attribute>
                    <xsl:call-template name="date"><xsl:with-param name="d" select="@grant-due"/></xsl:call-template>
                    <xsl:if test="@grant-overdue = 'yes'"> — <strong><xsl:call-template name="t"><xsl:with-param name="k" select="'console.overdue'"/></xsl:call-template></strong></xsl:if></dd>
                </xsl:if>
              </dl>
              <xsl:if test="@state = 'pending' or @state = 'approved'">
                <form class="ob-sign" data-kind="oversight-decision" action="{$base}api/oversight/decisions" method="post" hidden="hidden">
                  <fieldset>
                    <legend><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.decide'"/></xsl:call-template></legend>
                    <input type="hidden" name="request" value="{@id}"/>
                    <label for="why-r{@id}"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.justification'"/></xsl:call-template></label>
                    <textarea name="justification" id="why-r{@id}" rows="2" maxlength="1000"></textarea>
                    <p class="buttons">
                      <xsl:choose>
                        <xsl:when test="@state = 'pending'">
                          <button type="submit" name="decision" value="approve"><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.approve'"/></xsl:call-template></button>
                          <button type="submit" name="decision" value="refuse"><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.refuse'"/></xsl:call-template></button>
                        </xsl:when>
                        <xsl:otherwise>
                          <button type="submit" name="decision" value="grant"><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.grant'"/></xsl:call-template></button>
                        </xsl:otherwise>
                      </xsl:choose>
                    </p>
                  </fieldset>
                  <p class="ob-status" role="status" aria-live="polite"></p>
                </form>
              </xsl:if>
            </li>
          </xsl:for-each>
        </ol>
      </xsl:when>
      <xsl:otherwise><p class="empty"><xsl:call-template name="t"><xsl:with-param name="k" select="'none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A-12: the instructions, in kk and ru. -->
  <xsl:template match="page[@console = 'instructions']" mode="console">
    <xsl:for-each select="$S/s[starts-with(@key, 'ov.help.')]">
      <xsl:choose>
        <xsl:when test="starts-with(@key, 'ov.help.h')"><h2><xsl:value-of select="."/></h2></xsl:when>
        <xsl:otherwise><p><xsl:value-of select="."/></p></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
    <p><a href="{$console}request"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.title.request'"/></xsl:call-template></a>
      <xsl:text> · </xsl:text><a href="{$console}"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.title.signin'"/></xsl:call-template></a></p>
  </xsl:template>

  <xsl:template name="field">
    <xsl:param name="f"/>
    <xsl:param name="k"/>
    <p>
      <label for="f-{$f}"><xsl:call-template name="t"><xsl:with-param name="k" select="$k"/></xsl:call-template></label>
      <xsl:choose>
        <xsl:when test="$f = 'purpose' or $f = 'qr'"><textarea name="{$f}" id="f-{$f}" rows="3" maxlength="1000" required="required"></textarea></xsl:when>
        <xsl:otherwise>
          <input type="text" name="{$f}" id="f-{$f}" maxlength="250">
            <xsl:if test="$f != 'phone' and $f != 'email'"><xsl:attribute name="required">required</xsl:attribute></xsl:if>
            <xsl:if test="$f = 'iin'"><xsl:attribute name="pattern">[0-9]{12}</xsl:attribute><xsl:attribute name="inputmode">numeric</xsl:attribute></xsl:if>
            <xsl:if test="$f = 'email'"><xsl:attribute name="type">email</xsl:attribute></xsl:if>
          </input>
        </xsl:otherwise>
      </xsl:choose>
    </p>
  </xsl:template>

  <!-- A-8: the request form, signed with the state body's EDS; A-9: the
       body's request to block an employee who left. -->
  <xsl:template match="page[@console = 'request']" mode="console">
    <p><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.request.lead'"/></xsl:call-template></p>
    <p class="needs-script"><xsl:call-template name="t"><xsl:with-param name="k" select="'console.needs-script'"/></xsl:call-template></p>
    <form class="ob-sign request" data-kind="oversight-request" action="{$base}api/oversight/requests" method="post" hidden="hidden">
      <fieldset>
        <legend><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.request.form'"/></xsl:call-template></legend>
        <xsl:call-template name="field"><xsl:with-param name="f" select="'full-name'"/><xsl:with-param name="k" select="'ov.field.full-name'"/></xsl:call-template>
        <xsl:call-template name="field"><xsl:with-param name="f" select="'iin'"/><xsl:with-param name="k" select="'ov.field.iin'"/></xsl:call-template>
        <xsl:call-template name="field"><xsl:with-param name="f" select="'position'"/><xsl:with-param name="k" select="'ov.form.position'"/></xsl:call-template>
        <xsl:call-template name="field"><xsl:with-param name="f" select="'unit'"/><xsl:with-param name="k" select="'ov.form.unit'"/></xsl:call-template>
        <xsl:call-template name="field"><xsl:with-param name="f" select="'qr'"/><xsl:with-param name="k" select="'ov.field.qr'"/></xsl:call-template>
        <fieldset>
          <legend><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.field.contacts'"/></xsl:call-template></legend>
          <xsl:call-template name="field"><xsl:with-param name="f" select="'phone'"/><xsl:with-param name="k" select="'ov.form.phone'"/></xsl:call-template>
          <xsl:call-template name="field"><xsl:with-param name="f" select="'email'"/><xsl:with-param name="k" select="'ov.form.email'"/></xsl:call-template>
        </fieldset>
        <xsl:call-template name="field"><xsl:with-param name="f" select="'purpose'"/><xsl:with-param name="k" select="'ov.field.purpose'"/></xsl:call-template>
        <button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.request.button'"/></xsl:call-template></button>
      </fieldset>
      <p class="ob-status" role="status" aria-live="polite"></p>
    </form>
    <h2 id="h-block"><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.block'"/></xsl:call-template></h2>
    <p><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.block.lead'"/></xsl:call-template></p>
    <form class="ob-sign block" data-kind="oversight-block" action="{$base}api/oversight/blocks" method="post" hidden="hidden">
      <fieldset>
        <legend><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.block'"/></xsl:call-template></legend>
        <p><label for="b-iin"><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.field.iin'"/></xsl:call-template></label>
          <input type="text" name="iin" id="b-iin" pattern="[0-9]{{12}}" inputmode="numeric" required="required"/></p>
        <p><label for="b-left"><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.block.left'"/></xsl:call-template></label>
          <input type="date" name="left" id="b-left" required="required"/></p>
        <p><label for="b-reason"><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.block.reason'"/></xsl:call-template></label>
          <select name="reason" id="b-reason">
            <option value="dismissed"><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.reason.dismissed'"/></xsl:call-template></option>
            <option value="transferred"><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.reason.transferred'"/></xsl:call-template></option>
            <option value="other"><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.reason.other'"/></xsl:call-template></option>
          </select></p>
        <button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'ov.block.button'"/></xsl:call-template></button>
      </fieldset>
      <p class="ob-status" role="status" aria-live="polite"></p>
    </form>
  </xsl:template>
</xsl:stylesheet>
