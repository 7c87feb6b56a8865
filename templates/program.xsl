<?xml version="1.0" encoding="UTF-8"?>
<!-- /kk/program/SHARD/ID.html: a budget program, its documents, the history
     of its passport indicators (P-9) and plan against execution (P-10). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="http://www.w3.org/1999/xhtml"
                xmlns:svg="http://www.w3.org/2000/svg" xmlns:ob="urn:obgen:strings"
                exclude-result-prefixes="svg ob">
  <xsl:import href="common.xsl"/>
  <xsl:import href="chart.xsl"/>

  <xsl:template match="page" mode="title"><xsl:value-of select="program/name"/></xsl:template>

  <xsl:template match="page" mode="main">
    <xsl:variable name="p" select="program"/>
    <p class="kicker"><xsl:value-of select="ob:t($lang, 'program.title')"/></p>
    <h1><xsl:value-of select="concat($p/admin/@code, ' ', $p/@code, ' — ', $p/name)"/></h1>
    <dl class="facts">
      <dt><xsl:value-of select="ob:t($lang, 'doc.admin')"/></dt><dd><a href="{$base}{$p/admin/@href}"><xsl:value-of select="$p/admin"/></a></dd>
      <dt><xsl:value-of select="ob:t($lang, 'program.fgroup')"/></dt><dd><a href="{$base}{$lang}/program/g{$p/@fgroup}.html"><xsl:value-of select="concat($p/@fgroup, '. ', $p/@fgroup-name)"/></a></dd>
    </dl>

    <section aria-labelledby="h-exec">
      <h2 id="h-exec"><xsl:value-of select="ob:t($lang, 'program.execution')"/></h2>
      <xsl:choose>
        <xsl:when test="$p/execution/year">
          <xsl:call-template name="bar-chart">
            <xsl:with-param name="items" select="$p/execution/year"/>
            <xsl:with-param name="max" select="$p/execution/@max"/>
            <xsl:with-param name="title"><xsl:value-of select="ob:t($lang, 'program.execution')"/></xsl:with-param>
            <xsl:with-param name="label-attr" select="'y'"/>
          </xsl:call-template>
          <div class="scroll">
            <table class="numbers">
              <caption><xsl:value-of select="ob:t($lang, 'program.execution')"/> (<xsl:value-of select="ob:t($lang, 'unit.thousand')"/>)</caption>
              <thead>
                <tr>
                  <th scope="col"><xsl:value-of select="ob:t($lang, 'deadline.year')"/></th>
                  <th scope="col" class="num"><xsl:value-of select="ob:t($lang, 'ex.approved')"/></th>
                  <th scope="col" class="num"><xsl:value-of select="ob:t($lang, 'ex.corrected')"/></th>
                  <th scope="col" class="num"><xsl:value-of select="ob:t($lang, 'ex.executed')"/></th>
                  <th scope="col" class="num"><xsl:value-of select="ob:t($lang, 'ex.savings')"/></th>
                  <th scope="col" class="num"><xsl:value-of select="ob:t($lang, 'ex.under')"/></th>
                  <th scope="col" class="num"><xsl:value-of select="ob:t($lang, 'ln.percent')"/></th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="$p/execution/year">
                  <tr>
                    <th scope="row"><xsl:value-of select="@y"/></th>
                    <td class="num"><xsl:call-template name="amount"><xsl:with-param name="v" select="@approved"/></xsl:call-template></td>
                    <td class="num"><xsl:call-template name="amount"><xsl:with-param name="v" select="@plan"/></xsl:call-template></td>
                    <td class="num"><xsl:call-template name="amount"><xsl:with-param name="v" select="@executed"/></xsl:call-template></td>
                    <td class="num"><xsl:call-template name="amount"><xsl:with-param name="v" select="@savings"/></xsl:call-template></td>
                    <td class="num"><xsl:call-template name="amount"><xsl:with-param name="v" select="@under-execution"/></xsl:call-template></td>
                    <td class="num"><xsl:call-template name="percent"><xsl:with-param name="part" select="@executed"/><xsl:with-param name="whole" select="@plan"/></xsl:call-template></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise><p><xsl:value-of select="ob:t($lang, 'none')"/></p></xsl:otherwise>
      </xsl:choose>
    </section>

    <section aria-labelledby="h-ind">
      <h2 id="h-ind"><xsl:value-of select="ob:t($lang, 'program.indicators')"/></h2>
      <xsl:choose>
        <xsl:when test="$p/indicators/indicator">
          <div class="scroll">
            <table class="numbers">
              <caption><xsl:value-of select="ob:t($lang, 'program.indicators')"/></caption>
              <thead>
                <tr>
                  <th scope="col"><xsl:value-of select="ob:t($lang, 'ind.name')"/></th>
                  <th scope="col"><xsl:value-of select="ob:t($lang, 'ind.unit')"/></th>
                  <xsl:for-each select="$p/years/year">
                    <th scope="col" class="num"><xsl:value-of select="@y"/></th>
                  </xsl:for-each>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="$p/indicators/indicator">
                  <xsl:variable name="ind" select="."/>
                  <tr>
                    <th scope="row"><xsl:value-of select="name"/><xsl:if test="@subprogram"> (<xsl:value-of select="@subprogram"/>)</xsl:if></th>
                    <td><xsl:choose><xsl:when test="@kind = 'expense'"><xsl:value-of select="ob:t($lang, 'unit.thousand')"/></xsl:when><xsl:otherwise><xsl:value-of select="unit"/></xsl:otherwise></xsl:choose></td>
                    <xsl:for-each select="$p/years/year">
                      <td class="num"><xsl:call-template name="indicator-value"><xsl:with-param name="v" select="$ind/v[@y = current()/@y]/@plan"/><xsl:with-param name="kind" select="$ind/@kind"/></xsl:call-template></td>
                    </xsl:for-each>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
          <p class="note"><xsl:value-of select="ob:t($lang, 'program.indicators.note')"/></p>
        </xsl:when>
        <xsl:otherwise><p><xsl:value-of select="ob:t($lang, 'none')"/></p></xsl:otherwise>
      </xsl:choose>
    </section>

    <section aria-labelledby="h-docs">
      <h2 id="h-docs"><xsl:value-of select="ob:t($lang, 'program.docs')"/></h2>
      <xsl:choose>
        <xsl:when test="$p/docs/doc">
          <xsl:call-template name="doc-table">
            <xsl:with-param name="docs" select="$p/docs/doc"/>
            <xsl:with-param name="caption"><xsl:value-of select="ob:t($lang, 'program.docs')"/></xsl:with-param>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise><p><xsl:value-of select="ob:t($lang, 'list.empty')"/></p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
