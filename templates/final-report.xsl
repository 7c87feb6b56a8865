<?xml version="1.0" encoding="UTF-8"?>
<!-- /kk/doc/SHARD/ID-report.html: the report on the results of a public
     discussion (P-17), in the form of Appendix 1 (passports) or Appendix 2
     (implementation reports): every header field and the table of 7
     numbered columns, labels report.* (Kazakh verbatim from the seed).
     The page shows the stored report (generator/page_report.c), in the
     page's language; a proposal keeps the language it was written in. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="http://www.w3.org/1999/xhtml"
                xmlns:r="urn:obkz:report:1" exclude-result-prefixes="r">
  <xsl:import href="common.xsl"/>

  <xsl:variable name="R" select="/page/report/r:final-report"/>
  <xsl:variable name="A" select="$R/@appendix"/>

  <xsl:template match="page" mode="title">
    <xsl:call-template name="t"><xsl:with-param name="k" select="concat('report.title.', $A)"/></xsl:call-template>
    <xsl:text>: </xsl:text><xsl:value-of select="$R/r:name/r:*[local-name() = $lang]"/>
  </xsl:template>

  <xsl:template match="page" mode="main">
    <p class="kicker"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('report.appendix.', $A)"/></xsl:call-template></p>
    <p class="form-name"><xsl:call-template name="t"><xsl:with-param name="k" select="'report.form'"/></xsl:call-template></p>
    <h1><xsl:call-template name="t"><xsl:with-param name="k" select="concat('report.title.', $A)"/></xsl:call-template></h1>
    <p class="docname">"<a href="{$base}{report/@doc-href}"><xsl:value-of select="$R/r:name/r:*[local-name() = $lang]"/></a>"
      <span class="hint"><xsl:call-template name="t"><xsl:with-param name="k" select="'report.docname'"/></xsl:call-template></span></p>
    <dl class="facts report-header">
      <xsl:call-template name="fact"><xsl:with-param name="key" select="'report.number'"/><xsl:with-param name="v" select="$R/@number"/></xsl:call-template>
      <dt><xsl:call-template name="t"><xsl:with-param name="k" select="concat('report.posted.', $A)"/></xsl:call-template></dt>
      <dd><xsl:call-template name="date"><xsl:with-param name="d" select="$R/@posted"/></xsl:call-template></dd>
      <dt><xsl:call-template name="t"><xsl:with-param name="k" select="concat('report.end.', $A)"/></xsl:call-template></dt>
      <dd><xsl:call-template name="date"><xsl:with-param name="d" select="$R/@discussion-end"/></xsl:call-template></dd>
      <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'report.date'"/></xsl:call-template></dt>
      <dd><xsl:call-template name="date"><xsl:with-param name="d" select="$R/@reported"/></xsl:call-template></dd>
      <xsl:call-template name="fact"><xsl:with-param name="key" select="'report.votes.for'"/><xsl:with-param name="v" select="$R/r:document-votes/@for"/></xsl:call-template>
      <xsl:call-template name="fact"><xsl:with-param name="key" select="'report.votes.against'"/><xsl:with-param name="v" select="$R/r:document-votes/@against"/></xsl:call-template>
      <xsl:call-template name="fact"><xsl:with-param name="key" select="'report.proposals'"/><xsl:with-param name="v" select="$R/r:proposals/@total"/></xsl:call-template>
      <xsl:call-template name="fact"><xsl:with-param name="key" select="'report.pvotes.for'"/><xsl:with-param name="v" select="$R/r:proposal-votes/@for"/></xsl:call-template>
      <xsl:call-template name="fact"><xsl:with-param name="key" select="'report.pvotes.against'"/><xsl:with-param name="v" select="$R/r:proposal-votes/@against"/></xsl:call-template>
      <xsl:call-template name="fact"><xsl:with-param name="key" select="'report.budget'"/><xsl:with-param name="v" select="$R/r:budget/r:*[local-name() = $lang]"/></xsl:call-template>
      <xsl:call-template name="fact"><xsl:with-param name="key" select="'report.admin'"/><xsl:with-param name="v" select="concat($R/r:admin/@code, ' — ', $R/r:admin/r:*[local-name() = $lang])"/></xsl:call-template>
      <xsl:call-template name="fact"><xsl:with-param name="key" select="'report.period'"/><xsl:with-param name="v" select="$R/r:period"/></xsl:call-template>
      <xsl:call-template name="fact"><xsl:with-param name="key" select="'report.head'"/><xsl:with-param name="v" select="$R/r:head/r:*[local-name() = $lang]"/></xsl:call-template>
    </dl>

    <div class="scroll">
      <table class="report">
        <caption><xsl:call-template name="t"><xsl:with-param name="k" select="'report.caption'"/></xsl:call-template></caption>
        <thead>
          <tr>
            <xsl:call-template name="heading"><xsl:with-param name="c" select="1"/></xsl:call-template>
          </tr>
          <tr class="col-numbers">
            <th scope="col">1</th><th scope="col">2</th><th scope="col">3</th><th scope="col">4</th>
            <th scope="col">5</th><th scope="col">6</th><th scope="col">7</th>
          </tr>
        </thead>
        <tbody>
          <xsl:apply-templates select="$R/r:rows/r:row"/>
          <xsl:if test="not($R/r:rows/r:row)">
            <tr><td colspan="7"><xsl:call-template name="t"><xsl:with-param name="k" select="'report.none'"/></xsl:call-template></td></tr>
          </xsl:if>
        </tbody>
      </table>
    </div>
    <xsl:if test="$R/r:proposals/@unanswered &gt; 0">
      <p><xsl:call-template name="t"><xsl:with-param name="k" select="'report.unanswered.count'"/></xsl:call-template>
        <xsl:text> </xsl:text><xsl:value-of select="$R/r:proposals/@unanswered"/></p>
    </xsl:if>
    <p class="note"><xsl:call-template name="t"><xsl:with-param name="k" select="'report.frozen'"/></xsl:call-template></p>
    <p><a href="{$base}{report/@doc-href}"><xsl:call-template name="t"><xsl:with-param name="k" select="'report.doc'"/></xsl:call-template></a></p>
    <xsl:apply-templates select="report/data"/>
  </xsl:template>

  <xsl:template name="fact">
    <xsl:param name="key"/>
    <xsl:param name="v"/>
    <dt><xsl:call-template name="t"><xsl:with-param name="k" select="$key"/></xsl:call-template></dt>
    <dd>
      <xsl:choose>
        <xsl:when test="normalize-space($v) != ''"><xsl:value-of select="$v"/></xsl:when>
        <xsl:otherwise>—</xsl:otherwise>
      </xsl:choose>
    </dd>
  </xsl:template>

  <!-- The 7 column headings of the appendix, in order. -->
  <xsl:template name="heading">
    <xsl:param name="c"/>
    <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('report.col.', $c, '.', $A)"/></xsl:call-template></th>
    <xsl:if test="$c &lt; 7">
      <xsl:call-template name="heading"><xsl:with-param name="c" select="$c + 1"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="r:row">
    <tr class="status-{@status}">
      <th scope="row"><xsl:value-of select="@n"/></th>
      <td><xsl:call-template name="date"><xsl:with-param name="d" select="@posted"/></xsl:call-template></td>
      <td><a href="{$base}{/page/report/@doc-href}#part-{r:part/@id}"><xsl:value-of select="r:part/r:*[local-name() = $lang]"/></a></td>
      <td>
        <xsl:choose>
          <xsl:when test="r:text/@withheld = 'refused'">
            <xsl:call-template name="t"><xsl:with-param name="k" select="'report.refused'"/></xsl:call-template>
            <xsl:if test="r:refused/@reason">: <xsl:call-template name="t"><xsl:with-param name="k" select="concat('reason.', r:refused/@reason)"/></xsl:call-template></xsl:if>
          </xsl:when>
          <xsl:when test="r:text/@withheld">
            <xsl:call-template name="t"><xsl:with-param name="k" select="'report.not-moderated'"/></xsl:call-template>
          </xsl:when>
          <xsl:otherwise><span lang="{r:text/@lang}"><xsl:value-of select="r:text"/></span></xsl:otherwise>
        </xsl:choose>
      </td>
      <td>
        <xsl:choose>
          <xsl:when test="r:answer">
            <strong><xsl:call-template name="t"><xsl:with-param name="k" select="concat('report.answer.', r:answer/@decision)"/></xsl:call-template></strong>
            <xsl:text>: </xsl:text><span lang="{r:answer/@lang}"><xsl:value-of select="r:answer"/></span>
          </xsl:when>
          <xsl:when test="r:unanswered"><em class="unanswered"><xsl:call-template name="t"><xsl:with-param name="k" select="'report.unanswered'"/></xsl:call-template></em></xsl:when>
          <xsl:otherwise>—</xsl:otherwise>
        </xsl:choose>
      </td>
      <td class="num"><xsl:value-of select="r:votes/@for"/></td>
      <td class="num"><xsl:value-of select="r:votes/@against"/></td>
    </tr>
  </xsl:template>

  <xsl:template match="data">
    <xsl:if test="file">
      <section aria-labelledby="h-data">
        <h2 id="h-data"><xsl:call-template name="t"><xsl:with-param name="k" select="'doc.data'"/></xsl:call-template></h2>
        <ul class="files">
          <xsl:for-each select="file">
            <li><a href="{$base}{@href}"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('data.report.', current()/@format)"/></xsl:call-template></a>
              (<xsl:call-template name="size"><xsl:with-param name="b" select="@size"/></xsl:call-template>)</li>
          </xsl:for-each>
        </ul>
        <p class="licence"><xsl:call-template name="t"><xsl:with-param name="k" select="'data.licence'"/></xsl:call-template></p>
      </section>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
