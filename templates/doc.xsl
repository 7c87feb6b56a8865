<?xml version="1.0" encoding="UTF-8"?>
<!-- /kk/doc/SHARD/ID.html: one document with its structural parts, tables,
     attachments, discussion period and status, and its open data files. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="http://www.w3.org/1999/xhtml"
                xmlns:ob="urn:obgen:strings" exclude-result-prefixes="ob">
  <xsl:import href="common.xsl"/>
  <xsl:include href="doc-hooks.xsl"/>
  <xsl:include href="doc-report.xsl"/>

  <xsl:template match="page" mode="title"><xsl:value-of select="document/title"/></xsl:template>

  <xsl:template match="page" mode="main">
    <xsl:apply-templates select="document"/>
  </xsl:template>

  <xsl:template match="document">
    <p class="kicker"><xsl:value-of select="ob:t($lang, concat('kind.', current()/@kind))"/></p>
    <h1><xsl:value-of select="title"/></h1>
    <dl class="facts">
      <dt><xsl:value-of select="ob:t($lang, 'doc.number')"/></dt><dd><xsl:value-of select="@number"/></dd>
      <dt><xsl:value-of select="ob:t($lang, 'doc.year')"/></dt><dd><a href="{$base}{$lang}/year/{@year}/"><xsl:value-of select="@year"/></a></dd>
      <dt><xsl:value-of select="ob:t($lang, 'doc.admin')"/></dt><dd><a href="{$base}{admin/@href}"><xsl:value-of select="admin"/></a> (<xsl:value-of select="admin/@code"/>)</dd>
      <xsl:if test="level"><dt><xsl:value-of select="ob:t($lang, 'doc.level')"/></dt><dd><xsl:value-of select="level"/></dd></xsl:if>
      <xsl:if test="region"><dt><xsl:value-of select="ob:t($lang, 'doc.region')"/></dt><dd><a href="{$base}{region/@href}"><xsl:value-of select="region"/></a></dd></xsl:if>
      <xsl:if test="program"><dt><xsl:value-of select="ob:t($lang, 'doc.program')"/></dt><dd><a href="{$base}{program/@href}"><xsl:value-of select="concat(program/@code, ' — ', program)"/></a></dd></xsl:if>
      <xsl:if test="head"><dt><xsl:value-of select="ob:t($lang, 'doc.head')"/></dt><dd><xsl:value-of select="head"/></dd></xsl:if>
      <xsl:if test="@period"><dt><xsl:value-of select="ob:t($lang, 'doc.period')"/></dt><dd><xsl:call-template name="date"><xsl:with-param name="d" select="@period"/></xsl:call-template></dd></xsl:if>
      <xsl:if test="@stage"><dt><xsl:value-of select="ob:t($lang, 'doc.stage')"/></dt><dd><xsl:value-of select="ob:t($lang, concat('stage.', current()/@stage))"/></dd></xsl:if>
      <xsl:if test="@received"><dt><xsl:value-of select="ob:t($lang, 'doc.received')"/></dt><dd><xsl:call-template name="date"><xsl:with-param name="d" select="@received"/></xsl:call-template></dd></xsl:if>
      <dt><xsl:value-of select="ob:t($lang, 'doc.posted')"/></dt><dd><xsl:call-template name="date"><xsl:with-param name="d" select="@posted"/></xsl:call-template></dd>
      <dt><xsl:value-of select="ob:t($lang, 'doc.version')"/></dt><dd><xsl:value-of select="@version"/></dd>
      <dt><xsl:value-of select="ob:t($lang, 'doc.status')"/></dt><dd><xsl:call-template name="status"><xsl:with-param name="s" select="@status"/></xsl:call-template></dd>
    </dl>

    <xsl:if test="@discussion-end or @status = 'in-discussion' or @status = 'discussion-closed'">
      <section class="discussion" aria-labelledby="h-discussion">
        <h2 id="h-discussion"><xsl:value-of select="ob:t($lang, 'doc.discussion')"/></h2>
        <p>
          <xsl:value-of select="ob:t($lang, 'doc.discussion.period')"/><xsl:text>: </xsl:text>
          <xsl:call-template name="date"><xsl:with-param name="d" select="@posted"/></xsl:call-template>
          <xsl:text> — </xsl:text>
          <xsl:call-template name="date"><xsl:with-param name="d" select="@discussion-end"/></xsl:call-template>
        </p>
        <p>
          <xsl:choose>
            <xsl:when test="@status = 'in-discussion' and not(participation/@open = 'no')"><xsl:value-of select="ob:t($lang, 'doc.discussion.open')"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="ob:t($lang, 'doc.discussion.closed')"/></xsl:otherwise>
          </xsl:choose>
        </p>
        <xsl:call-template name="doc-participation"/>
        <xsl:apply-templates select="final-report"/>
      </section>
    </xsl:if>

    <xsl:if test="parts/part">
      <section aria-labelledby="h-parts">
        <h2 id="h-parts"><xsl:value-of select="ob:t($lang, 'doc.parts')"/></h2>
        <nav class="toc" aria-labelledby="h-toc">
          <p id="h-toc"><xsl:value-of select="ob:t($lang, 'doc.toc')"/></p>
          <ol><xsl:apply-templates select="parts/part" mode="toc"/></ol>
        </nav>
        <xsl:apply-templates select="parts/part"/>
      </section>
    </xsl:if>

    <xsl:apply-templates select="indicators"/>
    <xsl:apply-templates select="execution"/>
    <xsl:apply-templates select="lines"/>
    <xsl:apply-templates select="grant"/>
    <xsl:apply-templates select="attachments"/>
    <xsl:apply-templates select="data"/>
  </xsl:template>

  <xsl:template match="part" mode="toc">
    <li><a href="#part-{@id}"><xsl:value-of select="title"/></a>
      <xsl:if test="part"><ol><xsl:apply-templates select="part" mode="toc"/></ol></xsl:if></li>
  </xsl:template>

  <!-- Each part keeps its stable id as anchor: proposals are addressed to it (P-14). -->
  <xsl:template match="part">
    <xsl:variable name="depth" select="count(ancestor::part) + 3"/>
    <section class="part" id="part-{@id}">
      <xsl:element name="h{substring('3456666', $depth - 2, 1)}"><xsl:value-of select="title"/></xsl:element>
      <xsl:if test="text"><p class="text"><xsl:value-of select="text"/></p></xsl:if>
      <xsl:call-template name="part-participation"/>
      <xsl:apply-templates select="part"/>
    </section>
  </xsl:template>

  <xsl:template match="indicators">
    <section aria-labelledby="h-indicators">
      <h2 id="h-indicators"><xsl:value-of select="ob:t($lang, 'doc.indicators')"/></h2>
      <xsl:call-template name="indicator-table"><xsl:with-param name="kind" select="'final'"/></xsl:call-template>
      <xsl:call-template name="indicator-table"><xsl:with-param name="kind" select="'direct'"/></xsl:call-template>
      <xsl:call-template name="indicator-table"><xsl:with-param name="kind" select="'expense'"/></xsl:call-template>
    </section>
  </xsl:template>

  <xsl:template name="indicator-table">
    <xsl:param name="kind"/>
    <xsl:variable name="rows" select="indicator[@kind = $kind]"/>
    <xsl:if test="$rows">
      <!-- A table wider than the screen scrolls: the keyboard must reach it too (WCAG 2.1.1). -->
      <div class="scroll" role="region" aria-labelledby="cap-ind-{$kind}" tabindex="0">
        <table class="numbers">
          <caption id="cap-ind-{$kind}"><xsl:value-of select="ob:t($lang, concat('ind.', $kind))"/>
            <xsl:if test="$kind = 'expense'"> (<xsl:value-of select="ob:t($lang, 'unit.thousand')"/>)</xsl:if></caption>
          <thead>
            <tr>
              <th scope="col"><xsl:value-of select="ob:t($lang, 'ind.name')"/></th>
              <th scope="col"><xsl:value-of select="ob:t($lang, 'col.subprogram')"/></th>
              <th scope="col"><xsl:value-of select="ob:t($lang, 'ind.unit')"/></th>
              <th scope="col" class="num"><xsl:value-of select="ob:t($lang, 'ind.actual')"/></th>
              <th scope="col" class="num"><xsl:value-of select="ob:t($lang, 'ind.plan')"/></th>
              <th scope="col" class="num"><xsl:value-of select="ob:t($lang, 'ind.plan1')"/></th>
              <th scope="col" class="num"><xsl:value-of select="ob:t($lang, 'ind.plan2')"/></th>
              <th scope="col" class="num"><xsl:value-of select="ob:t($lang, 'ind.plan3')"/></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="$rows">
              <tr>
                <xsl:if test="@total = 'yes'"><xsl:attribute name="class">total</xsl:attribute></xsl:if>
                <th scope="row"><xsl:value-of select="name"/></th>
                <td><xsl:value-of select="@subprogram"/></td>
                <td><xsl:value-of select="unit"/></td>
                <td class="num"><xsl:call-template name="indicator-value"><xsl:with-param name="v" select="@actual"/><xsl:with-param name="kind" select="$kind"/></xsl:call-template></td>
                <td class="num"><xsl:call-template name="indicator-value"><xsl:with-param name="v" select="@plan"/><xsl:with-param name="kind" select="$kind"/></xsl:call-template></td>
                <td class="num"><xsl:call-template name="indicator-value"><xsl:with-param name="v" select="@plan1"/><xsl:with-param name="kind" select="$kind"/></xsl:call-template></td>
                <td class="num"><xsl:call-template name="indicator-value"><xsl:with-param name="v" select="@plan2"/><xsl:with-param name="kind" select="$kind"/></xsl:call-template></td>
                <td class="num"><xsl:call-template name="indicator-value"><xsl:with-param name="v" select="@plan3"/><xsl:with-param name="kind" select="$kind"/></xsl:call-template></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- P-10: the amount not executed is split into savings and under-execution. -->
  <xsl:template match="execution">
    <section aria-labelledby="h-execution">
      <h2 id="h-execution"><xsl:value-of select="ob:t($lang, 'doc.execution')"/></h2>
      <p><xsl:value-of select="ob:t($lang, 'ex.note')"/></p>
      <div class="scroll" role="region" aria-labelledby="cap-execution" tabindex="0">
        <table class="numbers">
          <caption id="cap-execution"><xsl:value-of select="ob:t($lang, 'doc.execution')"/> (<xsl:value-of select="ob:t($lang, 'unit.thousand')"/>)</caption>
          <thead>
            <tr>
              <th scope="col" rowspan="2"><xsl:value-of select="ob:t($lang, 'ind.name')"/></th>
              <th scope="col" rowspan="2" class="num"><xsl:value-of select="ob:t($lang, 'ex.approved')"/></th>
              <th scope="col" rowspan="2" class="num"><xsl:value-of select="ob:t($lang, 'ex.specified')"/></th>
              <th scope="col" rowspan="2" class="num"><xsl:value-of select="ob:t($lang, 'ex.corrected')"/></th>
              <th scope="col" rowspan="2" class="num"><xsl:value-of select="ob:t($lang, 'ex.executed')"/></th>
              <th scope="colgroup" colspan="3" class="num"><xsl:value-of select="ob:t($lang, 'ex.not-executed')"/></th>
              <th scope="col" rowspan="2"><xsl:value-of select="ob:t($lang, 'ex.reason')"/></th>
            </tr>
            <tr>
              <th scope="col" class="num"><xsl:value-of select="ob:t($lang, 'ex.total')"/></th>
              <th scope="col" class="num"><xsl:value-of select="ob:t($lang, 'ex.savings')"/></th>
              <th scope="col" class="num"><xsl:value-of select="ob:t($lang, 'ex.under')"/></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="row">
              <tr>
                <xsl:if test="@total = 'yes'"><xsl:attribute name="class">total</xsl:attribute></xsl:if>
                <th scope="row"><xsl:if test="@subprogram"><xsl:value-of select="concat(@subprogram, ' ')"/></xsl:if><xsl:value-of select="name"/></th>
                <td class="num"><xsl:call-template name="amount"><xsl:with-param name="v" select="@approved"/></xsl:call-template></td>
                <td class="num"><xsl:call-template name="amount"><xsl:with-param name="v" select="@specified"/></xsl:call-template></td>
                <td class="num"><xsl:call-template name="amount"><xsl:with-param name="v" select="@corrected"/></xsl:call-template></td>
                <td class="num"><xsl:call-template name="amount"><xsl:with-param name="v" select="@executed"/></xsl:call-template></td>
                <td class="num"><xsl:call-template name="amount"><xsl:with-param name="v" select="@not-executed"/></xsl:call-template></td>
                <td class="num savings"><xsl:call-template name="amount"><xsl:with-param name="v" select="@savings"/></xsl:call-template></td>
                <td class="num under"><xsl:call-template name="amount"><xsl:with-param name="v" select="@under-execution"/></xsl:call-template></td>
                <td><xsl:value-of select="reason"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </section>
  </xsl:template>

  <xsl:template match="lines">
    <section aria-labelledby="h-lines">
      <h2 id="h-lines"><xsl:value-of select="ob:t($lang, 'doc.lines')"/></h2>
      <div class="scroll" role="region" aria-labelledby="cap-lines" tabindex="0">
        <table class="numbers">
          <caption id="cap-lines"><xsl:value-of select="ob:t($lang, 'doc.lines')"/> (<xsl:value-of select="ob:t($lang, 'unit.thousand')"/>)</caption>
          <thead>
            <tr>
              <th scope="col"><xsl:value-of select="ob:t($lang, 'ln.code')"/></th>
              <th scope="col"><xsl:value-of select="ob:t($lang, 'ind.name')"/></th>
              <th scope="col" class="num"><xsl:value-of select="ob:t($lang, 'ln.plan')"/></th>
              <th scope="col" class="num"><xsl:value-of select="ob:t($lang, 'ln.executed')"/></th>
              <th scope="col" class="num"><xsl:value-of select="ob:t($lang, 'ln.percent')"/></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="line">
              <tr>
                <xsl:if test="@total = 'yes'"><xsl:attribute name="class">total</xsl:attribute></xsl:if>
                <td class="code"><xsl:value-of select="concat(@fgroup, substring('.', 1, number(boolean(@fsubgroup))), @fsubgroup, substring(' ', 1, number(boolean(@admin))), @admin, substring(' ', 1, number(boolean(@program))), @program, substring(' ', 1, number(boolean(@subprogram))), @subprogram)"/></td>
                <th scope="row"><xsl:value-of select="name"/></th>
                <td class="num"><xsl:call-template name="amount"><xsl:with-param name="v" select="@plan"/></xsl:call-template></td>
                <td class="num"><xsl:call-template name="amount"><xsl:with-param name="v" select="@executed"/></xsl:call-template></td>
                <td class="num"><xsl:call-template name="percent"><xsl:with-param name="part" select="@executed"/><xsl:with-param name="whole" select="@plan"/></xsl:call-template></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </section>
  </xsl:template>

  <!-- G: the 26 columns of Appendix 1, headed by their numbers as on the form. -->
  <xsl:template match="grant">
    <section aria-labelledby="h-grant">
      <h2 id="h-grant"><xsl:value-of select="ob:t($lang, 'doc.grant')"/></h2>
      <div class="scroll" role="region" aria-labelledby="h-grant" tabindex="0">
        <table class="grant">
          <caption><xsl:value-of select="ob:t($lang, 'doc.grant')"/></caption>
          <thead>
            <tr>
              <th scope="col"><xsl:value-of select="ob:t($lang, 'grant.row')"/></th>
              <xsl:for-each select="row[1]/cell">
                <th scope="col"><span class="col-n"><xsl:value-of select="@col"/></span><xsl:text> </xsl:text>
                  <xsl:value-of select="ob:t($lang, concat('grant.col.', @col))"/></th>
              </xsl:for-each>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="row">
              <tr>
                <th scope="row"><xsl:value-of select="@n"/></th>
                <xsl:for-each select="cell"><td><xsl:value-of select="."/></td></xsl:for-each>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </section>
  </xsl:template>

  <xsl:template match="attachments">
    <section aria-labelledby="h-attachments">
      <h2 id="h-attachments"><xsl:value-of select="ob:t($lang, 'doc.attachments')"/></h2>
      <div class="scroll">
        <table>
          <caption><xsl:value-of select="ob:t($lang, 'doc.attachments')"/></caption>
          <thead>
            <tr>
              <th scope="col"><xsl:value-of select="ob:t($lang, 'att.name')"/></th>
              <th scope="col"><xsl:value-of select="ob:t($lang, 'att.type')"/></th>
              <th scope="col" class="num"><xsl:value-of select="ob:t($lang, 'att.size')"/></th>
              <th scope="col"><xsl:value-of select="ob:t($lang, 'att.role')"/></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="attachment">
              <tr>
                <th scope="row"><a href="{$base}{@href}" type="{@type}"><xsl:value-of select="."/></a></th>
                <td><xsl:value-of select="@type"/></td>
                <td class="num"><xsl:call-template name="size"><xsl:with-param name="b" select="number(@size)"/></xsl:call-template></td>
                <td><xsl:value-of select="ob:t($lang, concat('role.', current()/@role))"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </section>
  </xsl:template>

  <xsl:template match="data">
    <section aria-labelledby="h-data">
      <h2 id="h-data"><xsl:value-of select="ob:t($lang, 'doc.data')"/></h2>
      <ul class="files">
        <xsl:for-each select="file">
          <li><a href="{$base}{@href}"><xsl:value-of select="ob:t($lang, concat('data.', current()/@table))"/></a>
            <xsl:value-of select="concat(' (', translate(@format, 'cmsvx', 'CMSVX'), ', ')"/>
            <xsl:call-template name="size"><xsl:with-param name="b" select="number(@size)"/></xsl:call-template>)</li>
        </xsl:for-each>
      </ul>
      <p class="licence"><xsl:value-of select="ob:t($lang, 'data.licence')"/></p>
    </section>
  </xsl:template>
</xsl:stylesheet>
