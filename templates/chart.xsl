<?xml version="1.0" encoding="UTF-8"?>
<!-- Inline SVG bar chart: for each item, its label, a bar for the plan and one
     for execution, scaled to max.  The SVG is an image with a text label;
     every chart is followed by a table of the same numbers (the text
     alternative), so the SVG repeats no numbers a screen reader needs. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="http://www.w3.org/1999/xhtml">
  <xsl:variable name="chart-w" select="640"/>
  <xsl:variable name="bar-w" select="480"/>
  <xsl:variable name="row-h" select="44"/>

  <xsl:template name="bar-chart">
    <xsl:param name="items"/>
    <xsl:param name="max"/>
    <xsl:param name="title"/>
    <xsl:param name="label-attr" select="''"/>
    <figure class="chart">
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {$chart-w} {count($items) * $row-h + 28}"
           role="img" aria-label="{$title}" class="chart" preserveAspectRatio="xMinYMin meet">
        <title><xsl:value-of select="$title"/></title>
        <rect x="0" y="4" width="12" height="8" class="plan"/>
        <text x="16" y="12" class="legend"><xsl:call-template name="t"><xsl:with-param name="k" select="'charts.plan'"/></xsl:call-template></text>
        <rect x="160" y="4" width="12" height="8" class="executed"/>
        <text x="176" y="12" class="legend"><xsl:call-template name="t"><xsl:with-param name="k" select="'charts.executed'"/></xsl:call-template></text>
        <xsl:for-each select="$items">
          <xsl:variable name="y" select="(position() - 1) * $row-h + 28"/>
          <text x="0" y="{$y + 11}" class="label">
            <xsl:choose>
              <xsl:when test="$label-attr != ''"><xsl:value-of select="@*[local-name() = $label-attr]"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="substring(name, 1, 90)"/><xsl:if test="string-length(name) &gt; 90">…</xsl:if></xsl:otherwise>
            </xsl:choose>
          </text>
          <xsl:call-template name="bar">
            <xsl:with-param name="y" select="$y + 15"/>
            <xsl:with-param name="v" select="@plan"/>
            <xsl:with-param name="max" select="$max"/>
            <xsl:with-param name="class" select="'plan'"/>
          </xsl:call-template>
          <xsl:call-template name="bar">
            <xsl:with-param name="y" select="$y + 27"/>
            <xsl:with-param name="v" select="@executed"/>
            <xsl:with-param name="max" select="$max"/>
            <xsl:with-param name="class" select="'executed'"/>
          </xsl:call-template>
        </xsl:for-each>
      </svg>
    </figure>
  </xsl:template>

  <xsl:template name="bar">
    <xsl:param name="y"/>
    <xsl:param name="v"/>
    <xsl:param name="max"/>
    <xsl:param name="class"/>
    <xsl:variable name="w">
      <xsl:choose>
        <xsl:when test="$max &gt; 0 and $v &gt; 0"><xsl:value-of select="round($v * $bar-w div $max)"/></xsl:when>
        <xsl:otherwise>0</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <rect xmlns="http://www.w3.org/2000/svg" x="0" y="{$y}" width="{$w}" height="10" class="{$class}"/>
    <text xmlns="http://www.w3.org/2000/svg" x="{$w + 4}" y="{$y + 9}" class="value">
      <xsl:call-template name="amount"><xsl:with-param name="v" select="$v"/></xsl:call-template>
    </text>
  </xsl:template>
</xsl:stylesheet>
