<?xml version="1.0" encoding="UTF-8"?>
<!-- /kk/kind/, /kk/year/, /kk/admin/, /kk/region/: the lists of a family. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="http://www.w3.org/1999/xhtml"
                xmlns:ob="urn:obgen:strings" exclude-result-prefixes="ob">
  <xsl:import href="common.xsl"/>

  <xsl:template match="page" mode="title"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('browse.', current()/@family)"/></xsl:call-template></xsl:template>

  <xsl:template match="page" mode="main">
    <h1><xsl:call-template name="t"><xsl:with-param name="k" select="concat('browse.', current()/@family)"/></xsl:call-template></h1>
    <div class="scroll">
      <table>
        <caption><xsl:call-template name="t"><xsl:with-param name="k" select="concat('browse.', current()/@family)"/></xsl:call-template></caption>
        <thead>
          <tr>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'col.title'"/></xsl:call-template></th>
            <xsl:if test="@family = 'admin'">
              <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'col.code'"/></xsl:call-template></th>
              <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'col.level'"/></xsl:call-template></th>
            </xsl:if>
            <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'col.count'"/></xsl:call-template></th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="group">
            <tr>
              <th scope="row"><a href="{$base}{@href}"><xsl:apply-templates select="." mode="name"/></a></th>
              <xsl:if test="../@family = 'admin'">
                <td><xsl:value-of select="@code"/></td>
                <td><xsl:value-of select="@level"/><xsl:if test="@region">, <xsl:value-of select="@region"/></xsl:if></td>
              </xsl:if>
              <td class="num"><xsl:value-of select="@count"/></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <xsl:template match="group" mode="name">
    <xsl:choose>
      <xsl:when test="../@family = 'kind'"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('kind.', current()/@id)"/></xsl:call-template></xsl:when>
      <xsl:when test="../@family = 'year'"><xsl:value-of select="concat(@id, ' ', ob:t($lang, 'year.suffix'))"/></xsl:when>
      <xsl:when test="@id = 'central'"><xsl:call-template name="t"><xsl:with-param name="k" select="'region.central'"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:value-of select="@name"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
