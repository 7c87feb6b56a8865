<?xml version="1.0" encoding="UTF-8"?>
<!-- P-12: a press release (/kk/doc/SHARD/ID-press.html, page type "press")
     announcing the public discussion of a passport or an implementation
     report: the document, the period, how to take part; and the list of
     press releases (/kk/press/, page type "press-list"). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="http://www.w3.org/1999/xhtml">
  <xsl:import href="common.xsl"/>

  <xsl:template match="page[@type = 'press']" mode="title">
    <xsl:call-template name="t"><xsl:with-param name="k" select="concat('press.title.', doc/@kind)"/></xsl:call-template>
    <xsl:text>: </xsl:text><xsl:value-of select="doc/title"/>
  </xsl:template>
  <xsl:template match="page" mode="title">
    <xsl:call-template name="t"><xsl:with-param name="k" select="'press.list.title'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@type = 'press']" mode="main">
    <xsl:variable name="d" select="doc"/>
    <article class="press">
      <p class="kicker"><xsl:call-template name="t"><xsl:with-param name="k" select="'press.kicker'"/></xsl:call-template>
        <xsl:text>, </xsl:text><xsl:call-template name="date"><xsl:with-param name="d" select="$d/@posted"/></xsl:call-template></p>
      <h1><xsl:call-template name="t"><xsl:with-param name="k" select="concat('press.title.', $d/@kind)"/></xsl:call-template></h1>
      <p class="lead"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('press.lead.', $d/@kind)"/></xsl:call-template></p>
      <dl class="facts">
        <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'press.document'"/></xsl:call-template></dt>
        <dd><a href="{$base}{$d/@href}"><xsl:value-of select="$d/title"/></a></dd>
        <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'doc.number'"/></xsl:call-template></dt>
        <dd><xsl:value-of select="$d/@number"/></dd>
        <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'doc.admin'"/></xsl:call-template></dt>
        <dd><a href="{$base}{$d/admin/@href}"><xsl:value-of select="$d/admin"/></a> (<xsl:value-of select="$d/admin/@code"/>)</dd>
        <xsl:if test="$d/program">
          <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'doc.program'"/></xsl:call-template></dt>
          <dd><a href="{$base}{$d/program/@href}"><xsl:value-of select="concat($d/program/@code, ' — ', $d/program)"/></a></dd>
        </xsl:if>
        <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'press.start'"/></xsl:call-template></dt>
        <dd><xsl:call-template name="date"><xsl:with-param name="d" select="$d/@posted"/></xsl:call-template></dd>
        <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'press.end'"/></xsl:call-template></dt>
        <dd><xsl:call-template name="date"><xsl:with-param name="d" select="$d/@discussion-end"/></xsl:call-template></dd>
      </dl>
      <section aria-labelledby="h-how">
        <h2 id="h-how"><xsl:call-template name="t"><xsl:with-param name="k" select="'press.how'"/></xsl:call-template></h2>
        <ol>
          <li><a href="{$base}{$d/@href}"><xsl:call-template name="t"><xsl:with-param name="k" select="'press.how.1'"/></xsl:call-template></a></li>
          <li><xsl:call-template name="t"><xsl:with-param name="k" select="'press.how.2'"/></xsl:call-template></li>
          <li><xsl:call-template name="t"><xsl:with-param name="k" select="'press.how.3'"/></xsl:call-template></li>
          <li><xsl:call-template name="t"><xsl:with-param name="k" select="'press.how.4'"/></xsl:call-template></li>
          <li><xsl:call-template name="t"><xsl:with-param name="k" select="'press.how.5'"/></xsl:call-template></li>
        </ol>
        <p><a class="button" href="{$base}{$d/@href}"><xsl:call-template name="t"><xsl:with-param name="k" select="'press.open'"/></xsl:call-template></a></p>
      </section>
      <p><a href="{$base}{$lang}/press/"><xsl:call-template name="t"><xsl:with-param name="k" select="'press.list.title'"/></xsl:call-template></a></p>
    </article>
  </xsl:template>

  <xsl:template match="page" mode="main">
    <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'press.list.title'"/></xsl:call-template></h1>
    <p class="lead"><xsl:call-template name="t"><xsl:with-param name="k" select="'press.list.intro'"/></xsl:call-template></p>
    <p><a href="{$base}{$lang}/atom.xml" type="application/atom+xml"><xsl:call-template name="t"><xsl:with-param name="k" select="'feed.link'"/></xsl:call-template></a></p>
    <xsl:choose>
      <xsl:when test="docs/doc">
        <div class="scroll">
          <table class="docs">
            <caption><xsl:call-template name="t"><xsl:with-param name="k" select="'press.list.caption'"/></xsl:call-template></caption>
            <thead>
              <tr>
                <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'press.date'"/></xsl:call-template></th>
                <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'col.title'"/></xsl:call-template></th>
                <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'col.admin'"/></xsl:call-template></th>
                <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'col.end'"/></xsl:call-template></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="docs/doc">
                <tr>
                  <td><xsl:call-template name="date"><xsl:with-param name="d" select="@posted"/></xsl:call-template></td>
                  <th scope="row"><a href="{$base}{@press-href}"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('press.title.', current()/@kind)"/></xsl:call-template></a>:
                    <xsl:value-of select="title"/> <span class="number"><xsl:value-of select="@number"/></span></th>
                  <td><a href="{$base}{admin/@href}"><xsl:value-of select="admin"/></a></td>
                  <td><xsl:call-template name="date"><xsl:with-param name="d" select="@discussion-end"/></xsl:call-template></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
        <xsl:apply-templates select="pager"/>
      </xsl:when>
      <xsl:otherwise><p><xsl:call-template name="t"><xsl:with-param name="k" select="'press.list.empty'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
