<?xml version="1.0" encoding="UTF-8"?>
<!-- /kk/charts/: the years; /kk/charts/YEAR.html: spending by functional
     group and plan against execution of the largest programs, as inline
     SVG followed by the same numbers in a table. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="http://www.w3.org/1999/xhtml"
                xmlns:ob="urn:obgen:strings" exclude-result-prefixes="ob">
  <xsl:import href="common.xsl"/>
  <xsl:import href="chart.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:call-template name="t"><xsl:with-param name="k" select="'charts.title'"/></xsl:call-template><xsl:if test="@year"><xsl:value-of select="concat(', ', @year)"/></xsl:if>
  </xsl:template>

  <xsl:template match="page" mode="main">
    <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'charts.title'"/></xsl:call-template><xsl:if test="@year"><xsl:value-of select="concat(', ', @year)"/></xsl:if></h1>
    <nav aria-label="{ob:t($lang, 'charts.years')}">
      <ul class="years">
        <xsl:for-each select="year">
          <li><a href="{$base}{@href}"><xsl:if test="@y = ../@year"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if><xsl:value-of select="@y"/></a></li>
        </xsl:for-each>
      </ul>
    </nav>
    <xsl:if test="not(year)"><p><xsl:call-template name="t"><xsl:with-param name="k" select="'none'"/></xsl:call-template></p></xsl:if>
    <xsl:if test="@year">
      <section aria-labelledby="h-fgroups">
        <h2 id="h-fgroups"><xsl:call-template name="t"><xsl:with-param name="k" select="'charts.fgroups'"/></xsl:call-template></h2>
        <p class="note"><xsl:call-template name="t"><xsl:with-param name="k" select="'charts.source.fgroups'"/></xsl:call-template></p>
        <xsl:choose>
          <xsl:when test="fgroups/fgroup">
            <xsl:call-template name="bar-chart">
              <xsl:with-param name="items" select="fgroups/fgroup"/>
              <xsl:with-param name="max" select="fgroups/@max"/>
              <xsl:with-param name="title"><xsl:call-template name="t"><xsl:with-param name="k" select="'charts.fgroups'"/></xsl:call-template></xsl:with-param>
            </xsl:call-template>
            <xsl:call-template name="totals-table">
              <xsl:with-param name="items" select="fgroups/fgroup"/>
              <xsl:with-param name="caption"><xsl:call-template name="t"><xsl:with-param name="k" select="'charts.fgroups'"/></xsl:call-template></xsl:with-param>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise><p><xsl:call-template name="t"><xsl:with-param name="k" select="'none'"/></xsl:call-template></p></xsl:otherwise>
        </xsl:choose>
      </section>
      <section aria-labelledby="h-programs">
        <h2 id="h-programs"><xsl:call-template name="t"><xsl:with-param name="k" select="'charts.programs'"/></xsl:call-template></h2>
        <p class="note"><xsl:call-template name="t"><xsl:with-param name="k" select="'charts.source.programs'"/></xsl:call-template></p>
        <xsl:choose>
          <xsl:when test="programs/program">
            <xsl:call-template name="bar-chart">
              <xsl:with-param name="items" select="programs/program"/>
              <xsl:with-param name="max" select="programs/@max"/>
              <xsl:with-param name="title"><xsl:call-template name="t"><xsl:with-param name="k" select="'charts.programs'"/></xsl:call-template></xsl:with-param>
            </xsl:call-template>
            <xsl:call-template name="totals-table">
              <xsl:with-param name="items" select="programs/program"/>
              <xsl:with-param name="caption"><xsl:call-template name="t"><xsl:with-param name="k" select="'charts.programs'"/></xsl:call-template></xsl:with-param>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise><p><xsl:call-template name="t"><xsl:with-param name="k" select="'none'"/></xsl:call-template></p></xsl:otherwise>
        </xsl:choose>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="totals-table">
    <xsl:param name="items"/>
    <xsl:param name="caption"/>
    <div class="scroll">
      <table class="numbers">
        <caption><xsl:value-of select="concat($caption, ' (', ob:t($lang, 'unit.thousand'), ')')"/></caption>
        <thead>
          <tr>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'col.code'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'col.title'"/></xsl:call-template></th>
            <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'charts.plan'"/></xsl:call-template></th>
            <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'charts.executed'"/></xsl:call-template></th>
            <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'ln.percent'"/></xsl:call-template></th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$items">
            <tr>
              <td><xsl:value-of select="@code"/></td>
              <th scope="row">
                <xsl:choose>
                  <xsl:when test="@href"><a href="{$base}{@href}"><xsl:value-of select="name"/></a></xsl:when>
                  <xsl:otherwise><xsl:value-of select="name"/></xsl:otherwise>
                </xsl:choose>
              </th>
              <td class="num"><xsl:call-template name="amount"><xsl:with-param name="v" select="@plan"/></xsl:call-template></td>
              <td class="num"><xsl:call-template name="amount"><xsl:with-param name="v" select="@executed"/></xsl:call-template></td>
              <td class="num"><xsl:call-template name="percent"><xsl:with-param name="part" select="@executed"/><xsl:with-param name="whole" select="@plan"/></xsl:call-template></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>
</xsl:stylesheet>
