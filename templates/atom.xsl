<?xml version="1.0" encoding="UTF-8"?>
<!-- /kk/atom.xml, /ru/atom.xml: an Atom feed (RFC 4287) of the press
     releases (P-12), new publications and final reports (P-17), newest
     first (generator/feed.c).  Dates are days, written as midnight in
     Almaty (+05:00); ids are tag: URIs of the pages' paths, stable for as
     long as a page keeps its URL; links are relative to xml:base, the
     site's base URL.  Output: plain XML, not the site's HTML layout. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="http://www.w3.org/2005/Atom"
                xmlns:ob="urn:obgen:strings" exclude-result-prefixes="ob">
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:variable name="lang" select="/page/@lang"/>
  <xsl:variable name="base" select="/page/@base"/>
  <!-- The tag: authority (RFC 4151) of the portal's ids. -->
  <xsl:variable name="tag" select="'tag:budget.egov.kz,2025:'"/>

  <xsl:template name="time">
    <xsl:param name="d"/>
    <xsl:value-of select="concat($d, 'T00:00:00+05:00')"/>
  </xsl:template>

  <xsl:template match="/">
    <feed xml:lang="{$lang}" xml:base="{$base}">
      <id><xsl:value-of select="concat($tag, /page/@path)"/></id>
      <title><xsl:value-of select="ob:t($lang, 'feed.title')"/></title>
      <updated>
        <xsl:call-template name="time">
          <xsl:with-param name="d">
            <xsl:choose>
              <xsl:when test="page/feed/@updated"><xsl:value-of select="page/feed/@updated"/></xsl:when>
              <xsl:otherwise>2000-01-01</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </updated>
      <link rel="self" type="application/atom+xml" href="{page/@path}"/>
      <link rel="alternate" type="text/html" href="{$lang}/press/"/>
      <author><name><xsl:value-of select="ob:t($lang, 'site.name')"/></name></author>
      <xsl:apply-templates select="page/feed/entry"/>
    </feed>
  </xsl:template>

  <xsl:template match="entry">
    <xsl:variable name="kind" select="ob:t($lang, concat('kind.', doc/@kind))"/>
    <entry>
      <id><xsl:value-of select="concat($tag, @href)"/></id>
      <title>
        <xsl:choose>
          <xsl:when test="@type = 'press'"><xsl:value-of select="ob:t($lang, 'press.kicker')"/></xsl:when>
          <xsl:when test="@type = 'report'"><xsl:value-of select="ob:t($lang, 'report.link')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$kind"/></xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="concat(': ', doc/title)"/>
      </title>
      <updated><xsl:call-template name="time"><xsl:with-param name="d" select="@date"/></xsl:call-template></updated>
      <published><xsl:call-template name="time"><xsl:with-param name="d" select="@date"/></xsl:call-template></published>
      <link rel="alternate" type="text/html" href="{@href}"/>
      <xsl:if test="@type != 'publication'">
        <link rel="related" type="text/html" href="{doc/@href}"/>
      </xsl:if>
      <category term="{@type}" label="{$kind}"/>
      <summary>
        <xsl:choose>
          <xsl:when test="@type = 'press'">
            <xsl:value-of select="concat(ob:t($lang, concat('press.lead.', doc/@kind)), ' ',
                                  ob:t($lang, 'press.start'), ': ', doc/@posted, '; ',
                                  ob:t($lang, 'press.end'), ': ', doc/@discussion-end, '.')"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="concat($kind, ', ', doc/@number, ', ', doc/admin)"/>
          </xsl:otherwise>
        </xsl:choose>
      </summary>
    </entry>
  </xsl:template>
</xsl:stylesheet>
