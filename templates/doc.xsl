<?xml version="1.0" encoding="UTF-8"?>
<!-- /kk/doc/SHARD/ID.html: one document with its structural parts, tables,
     attachments, discussion period and status, and its open data files. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="http://www.w3.org/1999/xhtml">
  <xsl:import href="common.xsl"/>
  <xsl:include href="doc-hooks.xsl"/>
  <xsl:include href="doc-report.xsl"/>

  <xsl:template match="page" mode="title"><xsl:value-of select="document/title"/></xsl:template>

  <xsl:template match="page" mode="main">
    <xsl:apply-templates select="document"/>
  </xsl:template>

  <xsl:template match="document">
    <p class="kicker"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('kind.', current()/@kind)"/></xsl:call-template></p>
    <h1><xsl:value-of select="title"/></h1>
    <dl class="facts">
      <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'doc.number'"/></xsl:call-template></dt><dd><xsl:value-of select="@number"/></dd>
      <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'doc.year'"/></xsl:call-template></dt><dd><a href="{$base}{$lang}/year/{@year}/"><xsl:value-of select="@year"/></a></dd>
      <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'doc.admin'"/></xsl:call-template></dt><dd><a href="{$base}{admin/@href}"><xsl:value-of select="admin"/></a> (<xsl:value-of select="admin/@code"/>)</dd>
      <xsl:if test="level"><dt><xsl:call-template name="t"><xsl:with-param name="k" select="'doc.level'"/></xsl:call-template></dt><dd><xsl:value-of select="level"/></dd></xsl:if>
      <xsl:if test="region"><dt><xsl:call-template name="t"><xsl:with-param name="k" select="'doc.region'"/></xsl:call-template></dt><dd><a href="{$base}{region/@href}"><xsl:value-of select="region"/></a></dd></xsl:if>
      <xsl:if test="program"><dt><xsl:call-template name="t"><xsl:with-param name="k" select="'doc.program'"/></xsl:call-template></dt><dd><a href="{$base}{program/@href}"><xsl:value-of select="concat(program/@code, ' — ', program)"/></a></dd></xsl:if>
      <xsl:if test="head"><dt><xsl:call-template name="t"><xsl:with-param name="k" select="'doc.head'"/></xsl:call-template></dt><dd><xsl:value-of select="head"/></dd></xsl:if>
      <xsl:if test="@period"><dt><xsl:call-template name="t"><xsl:with-param name="k" select="'doc.period'"/></xsl:call-template></dt><dd><xsl:call-template name="date"><xsl:with-param name="d" select="@period"/></xsl:call-template></dd></xsl:if>
      <xsl:if test="@stage"><dt><xsl:call-template name="t"><xsl:with-param name="k" select="'doc.stage'"/></xsl:call-template></dt><dd><xsl:call-template name="t"><xsl:with-param name="k" select="concat('stage.', current()/@stage)"/></xsl:call-template></dd></xsl:if>
      <xsl:if test="@received"><dt><xsl:call-template name="t"><xsl:with-param name="k" select="'doc.received'"/></xsl:call-template></dt><dd><xsl:call-template name="date"><xsl:with-param name="d" select="@received"/></xsl:call-template></dd></xsl:if>
      <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'doc.posted'"/></xsl:call-template></dt><dd><xsl:call-template name="date"><xsl:with-param name="d" select="@posted"/></xsl:call-template></dd>
      <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'doc.version'"/></xsl:call-template></dt><dd><xsl:value-of select="@version"/></dd>
      <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'doc.status'"/></xsl:call-template></dt><dd><xsl:call-template name="status"><xsl:with-param name="s" select="@status"/></xsl:call-template></dd>
    </dl>

    <xsl:if test="@discussion-end or @status = 'in-discussion' or @status = 'discussion-closed'">
      <section class="discussion" aria-labelledby="h-discussion">
        <h2 id="h-discussion"><xsl:call-template name="t"><xsl:with-param name="k" select="'doc.discussion'"/></xsl:call-template></h2>
        <p>
          <xsl:call-template name="t"><xsl:with-param name="k" select="'doc.discussion.period'"/></xsl:call-template><xsl:text>: </xsl:text>
          <xsl:call-template name="date"><xsl:with-param name="d" select="@posted"/></xsl:call-template>
          <xsl:text> — </xsl:text>
          <xsl:call-template name="date"><xsl:with-param name="d" select="@discussion-end"/></xsl:call-template>
        </p>
        <p>
          <xsl:choose>
            <xsl:when test="@status = 'in-discussion' and not(participation/@open = 'no')"><xsl:call-template name="t"><xsl:with-param name="k" select="'doc.discussion.open'"/></xsl:call-template></xsl:when>
            <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'doc.discussion.closed'"/></xsl:call-template></xsl:otherwise>
          </xsl:choose>
        </p>
        <xsl:call-template name="doc-participation"/>
        <xsl:apply-templates select="final-report"/>
      </section>
    </xsl:if>

    <xsl:if test="parts/part">
      <section aria-labelledby="h-parts">
        <h2 id="h-parts"><xsl:call-template name="t"><xsl:with-param name="k" select="'doc.parts'"/></xsl:call-template></h2>
        <nav class="toc" aria-labelledby="h-toc">
          <p id="h-toc"><xsl:call-template name="t"><xsl:with-param name="k" select="'doc.toc'"/></xsl:call-template></p>
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
      <h2 id="h-indicators"><xsl:call-template name="t"><xsl:with-param name="k" select="'doc.indicators'"/></xsl:call-template></h2>
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
          <caption id="cap-ind-{$kind}"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('ind.', $kind)"/></xsl:call-template>
            <xsl:if test="$kind = 'expense'"> (<xsl:call-template name="t"><xsl:with-param name="k" select="'unit.thousand'"/></xsl:call-template>)</xsl:if></caption>
          <thead>
            <tr>
              <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'ind.name'"/></xsl:call-template></th>
              <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'col.subprogram'"/></xsl:call-template></th>
              <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'ind.unit'"/></xsl:call-template></th>
              <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'ind.actual'"/></xsl:call-template></th>
              <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'ind.plan'"/></xsl:call-template></th>
              <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'ind.plan1'"/></xsl:call-template></th>
              <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'ind.plan2'"/></xsl:call-template></th>
              <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'ind.plan3'"/></xsl:call-template></th>
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
      <h2 id="h-execution"><xsl:call-template name="t"><xsl:with-param name="k" select="'doc.execution'"/></xsl:call-template></h2>
      <p><xsl:call-template name="t"><xsl:with-param name="k" select="'ex.note'"/></xsl:call-template></p>
      <div class="scroll" role="region" aria-labelledby="cap-execution" tabindex="0">
        <table class="numbers">
          <caption id="cap-execution"><xsl:call-template name="t"><xsl:with-param name="k" select="'doc.execution'"/></xsl:call-template> (<xsl:call-template name="t"><xsl:with-param name="k" select="'unit.thousand'"/></xsl:call-template>)</caption>
          <thead>
            <tr>
              <th scope="col" rowspan="2"><xsl:call-template name="t"><xsl:with-param name="k" select="'ind.name'"/></xsl:call-template></th>
              <th scope="col" rowspan="2" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'ex.approved'"/></xsl:call-template></th>
              <th scope="col" rowspan="2" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'ex.specified'"/></xsl:call-template></th>
              <th scope="col" rowspan="2" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'ex.corrected'"/></xsl:call-template></th>
              <th scope="col" rowspan="2" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'ex.executed'"/></xsl:call-template></th>
              <th scope="colgroup" colspan="3" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'ex.not-executed'"/></xsl:call-template></th>
              <th scope="col" rowspan="2"><xsl:call-template name="t"><xsl:with-param name="k" select="'ex.reason'"/></xsl:call-template></th>
            </tr>
            <tr>
              <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'ex.total'"/></xsl:call-template></th>
              <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'ex.savings'"/></xsl:call-template></th>
              <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'ex.under'"/></xsl:call-template></th>
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
      <h2 id="h-lines"><xsl:call-template name="t"><xsl:with-param name="k" select="'doc.lines'"/></xsl:call-template></h2>
      <div class="scroll" role="region" aria-labelledby="cap-lines" tabindex="0">
        <table class="numbers">
          <caption id="cap-lines"><xsl:call-template name="t"><xsl:with-param name="k" select="'doc.lines'"/></xsl:call-template> (<xsl:call-template name="t"><xsl:with-param name="k" select="'unit.thousand'"/></xsl:call-template>)</caption>
          <thead>
            <tr>
              <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'ln.code'"/></xsl:call-template></th>
              <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'ind.name'"/></xsl:call-template></th>
              <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'ln.plan'"/></xsl:call-template></th>
              <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'ln.executed'"/></xsl:call-template></th>
              <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'ln.percent'"/></xsl:call-template></th>
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
      <h2 id="h-grant"><xsl:call-template name="t"><xsl:with-param name="k" select="'doc.grant'"/></xsl:call-template></h2>
      <div class="scroll" role="region" aria-labelledby="h-grant" tabindex="0">
        <table class="grant">
          <caption><xsl:call-template name="t"><xsl:with-param name="k" select="'doc.grant'"/></xsl:call-template></caption>
          <thead>
            <tr>
              <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'grant.row'"/></xsl:call-template></th>
              <xsl:for-each select="row[1]/cell">
                <th scope="col"><span class="col-n"><xsl:value-of select="@col"/></span><xsl:text> </xsl:text>
                  <xsl:call-template name="t"><xsl:with-param name="k" select="concat('grant.col.', @col)"/></xsl:call-template></th>
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
      <h2 id="h-attachments"><xsl:call-template name="t"><xsl:with-param name="k" select="'doc.attachments'"/></xsl:call-template></h2>
      <div class="scroll">
        <table>
          <caption><xsl:call-template name="t"><xsl:with-param name="k" select="'doc.attachments'"/></xsl:call-template></caption>
          <thead>
            <tr>
              <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'att.name'"/></xsl:call-template></th>
              <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'att.type'"/></xsl:call-template></th>
              <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'att.size'"/></xsl:call-template></th>
              <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'att.role'"/></xsl:call-template></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="attachment">
              <tr>
                <th scope="row"><a href="{$base}{@href}" type="{@type}"><xsl:value-of select="."/></a></th>
                <td><xsl:value-of select="@type"/></td>
                <td class="num"><xsl:call-template name="size"><xsl:with-param name="b" select="@size"/></xsl:call-template></td>
                <td><xsl:call-template name="t"><xsl:with-param name="k" select="concat('role.', current()/@role)"/></xsl:call-template></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </section>
  </xsl:template>

  <xsl:template match="data">
    <section aria-labelledby="h-data">
      <h2 id="h-data"><xsl:call-template name="t"><xsl:with-param name="k" select="'doc.data'"/></xsl:call-template></h2>
      <ul class="files">
        <xsl:for-each select="file">
          <li><a href="{$base}{@href}"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('data.', current()/@table)"/></xsl:call-template></a>
            <xsl:value-of select="concat(' (', translate(@format, 'cmsvx', 'CMSVX'), ', ')"/>
            <xsl:call-template name="size"><xsl:with-param name="b" select="@size"/></xsl:call-template>)</li>
        </xsl:for-each>
      </ul>
      <p class="licence"><xsl:call-template name="t"><xsl:with-param name="k" select="'data.licence'"/></xsl:call-template></p>
    </section>
  </xsl:template>
</xsl:stylesheet>
