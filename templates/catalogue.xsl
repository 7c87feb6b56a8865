<?xml version="1.0" encoding="UTF-8"?>
<!-- /kk/data/: the open data catalogue (site-wide datasets, schemas, links to
     the pages of per-document data); /kk/data/N.html: documents N00..N99. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="http://www.w3.org/1999/xhtml"
                xmlns:ob="urn:obgen:strings" exclude-result-prefixes="ob">
  <xsl:import href="common.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:call-template name="t"><xsl:with-param name="k" select="'catalogue.title'"/></xsl:call-template>
    <xsl:if test="@shard"><xsl:value-of select="concat(' (', @shard * 100, '–', @shard * 100 + 99, ')')"/></xsl:if>
  </xsl:template>

  <xsl:template match="page" mode="main">
    <h1><xsl:apply-templates select="." mode="title"/></h1>
    <p><xsl:call-template name="t"><xsl:with-param name="k" select="'catalogue.intro'"/></xsl:call-template></p>
    <p class="licence"><xsl:call-template name="t"><xsl:with-param name="k" select="'data.licence'"/></xsl:call-template></p>
    <xsl:choose>
      <xsl:when test="@shard">
        <p><a href="{$base}{$lang}/data/"><xsl:call-template name="t"><xsl:with-param name="k" select="'catalogue.title'"/></xsl:call-template></a></p>
        <xsl:call-template name="files">
          <xsl:with-param name="caption"><xsl:call-template name="t"><xsl:with-param name="k" select="'catalogue.docs'"/></xsl:call-template></xsl:with-param>
          <xsl:with-param name="files" select="docs/doc/file"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <section aria-labelledby="h-fdp">
          <h2 id="h-fdp"><xsl:call-template name="t"><xsl:with-param name="k" select="'catalogue.fdp'"/></xsl:call-template></h2>
          <xsl:call-template name="files">
            <xsl:with-param name="caption"><xsl:call-template name="t"><xsl:with-param name="k" select="'catalogue.fdp'"/></xsl:call-template></xsl:with-param>
            <xsl:with-param name="files" select="fdp/file"/>
          </xsl:call-template>
        </section>
        <section aria-labelledby="h-schemas">
          <h2 id="h-schemas"><xsl:call-template name="t"><xsl:with-param name="k" select="'catalogue.schemas'"/></xsl:call-template></h2>
          <xsl:call-template name="files">
            <xsl:with-param name="caption"><xsl:call-template name="t"><xsl:with-param name="k" select="'catalogue.schemas'"/></xsl:call-template></xsl:with-param>
            <xsl:with-param name="files" select="schemas/file"/>
          </xsl:call-template>
        </section>
        <section aria-labelledby="h-docs">
          <h2 id="h-docs"><xsl:call-template name="t"><xsl:with-param name="k" select="'catalogue.docs'"/></xsl:call-template></h2>
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
                <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'col.file'"/></xsl:call-template></th>
                <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'col.title'"/></xsl:call-template></th>
                <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'col.format'"/></xsl:call-template></th>
                <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'att.size'"/></xsl:call-template></th>
                <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'col.licence'"/></xsl:call-template></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="$files">
                <tr>
                  <th scope="row"><a href="{$base}{@href}"><xsl:value-of select="."/></a></th>
                  <td><xsl:if test="parent::doc"><a href="{$base}{../@href}"><xsl:value-of select="../title"/></a></xsl:if></td>
                  <td><xsl:value-of select="translate(@format, 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')"/></td>
                  <td class="num"><xsl:call-template name="size"><xsl:with-param name="b" select="@size"/></xsl:call-template></td>
                  <td><a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise><p><xsl:call-template name="t"><xsl:with-param name="k" select="'none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
