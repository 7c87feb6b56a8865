<?xml version="1.0" encoding="UTF-8"?>
<!-- /kk/data/: the open data catalogue (site-wide datasets, schemas, links to
     the pages of per-document data); /kk/data/N.html: documents N00..N99. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="http://www.w3.org/1999/xhtml"
                xmlns:ob="urn:obgen:strings" exclude-result-prefixes="ob">
  <xsl:import href="common.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="ob:t($lang, 'catalogue.title')"/>
    <xsl:if test="@shard"><xsl:value-of select="concat(' (', @shard * 100, '–', @shard * 100 + 99, ')')"/></xsl:if>
  </xsl:template>

  <xsl:template match="page" mode="main">
    <h1><xsl:apply-templates select="." mode="title"/></h1>
    <p><xsl:value-of select="ob:t($lang, 'catalogue.intro')"/></p>
    <p class="licence"><xsl:value-of select="ob:t($lang, 'data.licence')"/></p>
    <xsl:choose>
      <xsl:when test="@shard">
        <p><a href="{$base}{$lang}/data/"><xsl:value-of select="ob:t($lang, 'catalogue.title')"/></a></p>
        <xsl:call-template name="files">
          <xsl:with-param name="caption"><xsl:value-of select="ob:t($lang, 'catalogue.docs')"/></xsl:with-param>
          <xsl:with-param name="files" select="docs/doc/file"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <section aria-labelledby="h-fdp">
          <h2 id="h-fdp"><xsl:value-of select="ob:t($lang, 'catalogue.fdp')"/></h2>
          <xsl:call-template name="files">
            <xsl:with-param name="caption"><xsl:value-of select="ob:t($lang, 'catalogue.fdp')"/></xsl:with-param>
            <xsl:with-param name="files" select="fdp/file"/>
          </xsl:call-template>
        </section>
        <section aria-labelledby="h-schemas">
          <h2 id="h-schemas"><xsl:value-of select="ob:t($lang, 'catalogue.schemas')"/></h2>
          <xsl:call-template name="files">
            <xsl:with-param name="caption"><xsl:value-of select="ob:t($lang, 'catalogue.schemas')"/></xsl:with-param>
            <xsl:with-param name="files" select="schemas/file"/>
          </xsl:call-template>
        </section>
        <section aria-labelledby="h-docs">
          <h2 id="h-docs"><xsl:value-of select="ob:t($lang, 'catalogue.docs')"/></h2>
          <ul class="shards">
            <xsl:for-each select="shards/shard">
              <li><a href="{$base}{@href}"><xsl:value-of select="concat(ob:t($lang, 'catalogue.shard'), ' ', @from, '–', @to)"/></a></li>
            </xsl:for-each>
          </ul>
        </section>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="files">
    <xsl:param name="caption"/>
    <xsl:param name="files"/>
    <xsl:choose>
      <xsl:when test="$files">
        <div class="scroll">
          <table>
            <caption><xsl:value-of select="$caption"/></caption>
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="ob:t($lang, 'col.file')"/></th>
                <th scope="col"><xsl:value-of select="ob:t($lang, 'col.title')"/></th>
                <th scope="col"><xsl:value-of select="ob:t($lang, 'col.format')"/></th>
                <th scope="col" class="num"><xsl:value-of select="ob:t($lang, 'att.size')"/></th>
                <th scope="col"><xsl:value-of select="ob:t($lang, 'col.licence')"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="$files">
                <tr>
                  <th scope="row"><a href="{$base}{@href}"><xsl:value-of select="."/></a></th>
                  <td><xsl:if test="parent::doc"><a href="{$base}{../@href}"><xsl:value-of select="../title"/></a></xsl:if></td>
                  <td><xsl:value-of select="translate(@format, 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')"/></td>
                  <td class="num"><xsl:call-template name="size"><xsl:with-param name="b" select="number(@size)"/></xsl:call-template></td>
                  <td><a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise><p><xsl:value-of select="ob:t($lang, 'none')"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
