<?xml version="1.0" encoding="UTF-8"?>
<!-- The document page's link to the report on the results of its public
     discussion (P-17), when one has been made: <final-report href date>
     under <document> (generator/page_report.c, page_doc_report). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="http://www.w3.org/1999/xhtml">
  <xsl:template match="final-report">
    <p class="final-report">
      <a href="{$base}{@href}"><xsl:call-template name="t"><xsl:with-param name="k" select="'report.link'"/></xsl:call-template></a>
      <xsl:text> (</xsl:text><xsl:call-template name="t"><xsl:with-param name="k" select="'report.date'"/></xsl:call-template>
      <xsl:text> </xsl:text><xsl:call-template name="date"><xsl:with-param name="d" select="@date"/></xsl:call-template>
      <xsl:for-each select="data/file">
        <xsl:text>; </xsl:text><a href="{$base}{@href}"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('data.report.', current()/@format)"/></xsl:call-template></a>
      </xsl:for-each>
      <xsl:text>)</xsl:text>
    </p>
  </xsl:template>
</xsl:stylesheet>
