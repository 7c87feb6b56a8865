<?xml version="1.0" encoding="UTF-8"?>
<!-- The benchmark's "one document changed" (issue 3.10): turns the export of a
     document into its next version.  Sets version="$version" on the root and
     appends a sentence to one bilingual text: the first part's text, else the
     first part's title, else the document's title (with what="title", the
     document's title).  Everything else is
     copied unchanged.  Used by scripts/bench with xsltproc. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:d="urn:obkz:doc:1">
  <xsl:output method="xml" encoding="UTF-8"/>
  <xsl:param name="version"/>
  <!-- what="title": the document's title instead, which every list that
       shows the document shows too. -->
  <xsl:param name="what" select="'text'"/>
  <xsl:variable name="target"
      select="(//d:part/d:text[$what != 'title'] |
               //d:part/d:title[$what != 'title'][not(//d:part/d:text)] |
               /*/d:title[$what = 'title' or not(//d:part)])[1]"/>

  <xsl:template match="@*|node()">
    <xsl:copy><xsl:apply-templates select="@*|node()"/></xsl:copy>
  </xsl:template>

  <xsl:template match="/*">
    <xsl:copy>
      <xsl:apply-templates select="@*[local-name() != 'version']"/>
      <xsl:attribute name="version"><xsl:value-of select="$version"/></xsl:attribute>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="d:kk/text() | d:ru/text()">
    <xsl:value-of select="."/>
    <xsl:if test="generate-id(../..) = generate-id($target)">
      <xsl:choose>
        <xsl:when test="local-name(..) = 'kk'"> Өзгертілген редакция <xsl:value-of select="$version"/>.</xsl:when>
        <xsl:otherwise> Измененная редакция <xsl:value-of select="$version"/>.</xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
