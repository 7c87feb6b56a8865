<?xml version="1.0" encoding="UTF-8"?>
<!-- A list of documents, 50 a page: /kk/kind/K/, /kk/year/Y/, /kk/admin/BIN/,
     /kk/region/KATO/, /kk/discussion/ (and N.html for page N). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="http://www.w3.org/1999/xhtml"
                xmlns:ob="urn:obgen:strings" exclude-result-prefixes="ob">
  <xsl:import href="common.xsl"/>

  <xsl:template match="page" mode="heading">
    <xsl:choose>
      <xsl:when test="@family = 'kind'"><xsl:value-of select="ob:t($lang, concat('kind.', current()/@id))"/></xsl:when>
      <xsl:when test="@family = 'year'"><xsl:value-of select="concat(@id, ' ', ob:t($lang, 'year.suffix'))"/></xsl:when>
      <xsl:when test="@family = 'discussion'"><xsl:value-of select="ob:t($lang, 'home.discussion')"/></xsl:when>
      <xsl:when test="@id = 'central'"><xsl:value-of select="ob:t($lang, 'region.central')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="@name"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page" mode="title">
    <xsl:apply-templates select="." mode="heading"/>
    <xsl:if test="pager/@page &gt; 1"> (<xsl:value-of select="concat(ob:t($lang, 'pager.page'), ' ', pager/@page)"/>)</xsl:if>
  </xsl:template>

  <xsl:template match="page" mode="main">
    <xsl:variable name="heading"><xsl:apply-templates select="." mode="heading"/></xsl:variable>
    <h1><xsl:value-of select="$heading"/></h1>
    <xsl:if test="@family = 'admin'">
      <p class="meta"><xsl:value-of select="concat(ob:t($lang, 'col.code'), ': ', @code, ' · ', @level)"/>
        <xsl:if test="@region">, <xsl:value-of select="@region"/></xsl:if></p>
    </xsl:if>
    <p class="meta"><xsl:value-of select="concat(ob:t($lang, 'pager.total'), ' ', pager/@total)"/>
      <xsl:if test="pager/@pages &gt; 1">
        <xsl:value-of select="concat(' · ', ob:t($lang, 'pager.page'), ' ', pager/@page, ' / ', pager/@pages)"/>
      </xsl:if>
    </p>
    <xsl:if test="programs">
      <section aria-labelledby="h-programs">
        <h2 id="h-programs"><xsl:value-of select="ob:t($lang, 'admin.programs')"/></h2>
        <ul>
          <xsl:for-each select="programs/program">
            <li><a href="{$base}{@href}"><xsl:value-of select="concat(@code, ' — ', .)"/></a></li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="docs/doc">
        <xsl:if test="programs"><h2><xsl:value-of select="ob:t($lang, 'list.caption')"/></h2></xsl:if>
        <xsl:call-template name="doc-table">
          <xsl:with-param name="docs" select="docs/doc"/>
          <xsl:with-param name="caption" select="concat(ob:t($lang, 'list.caption'), ': ', $heading)"/>
          <xsl:with-param name="end" select="@family = 'discussion'"/>
        </xsl:call-template>
        <xsl:apply-templates select="pager"/>
      </xsl:when>
      <xsl:otherwise><p><xsl:value-of select="ob:t($lang, 'list.empty')"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
