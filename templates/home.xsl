<?xml version="1.0" encoding="UTF-8"?>
<!-- /kk/, /ru/: documents in discussion, latest publications, deadline status. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="http://www.w3.org/1999/xhtml">
  <xsl:import href="common.xsl"/>

  <xsl:template match="page" mode="title"><xsl:call-template name="t"><xsl:with-param name="k" select="'home.title'"/></xsl:call-template></xsl:template>

  <xsl:template match="page" mode="main">
    <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'home.title'"/></xsl:call-template></h1>
    <p class="lead"><xsl:call-template name="t"><xsl:with-param name="k" select="'home.intro'"/></xsl:call-template></p>

    <section aria-labelledby="h-discussion">
      <h2 id="h-discussion"><xsl:call-template name="t"><xsl:with-param name="k" select="'home.discussion'"/></xsl:call-template></h2>
      <xsl:choose>
        <xsl:when test="discussion/doc">
          <xsl:call-template name="doc-table">
            <xsl:with-param name="docs" select="discussion/doc"/>
            <xsl:with-param name="caption"><xsl:call-template name="t"><xsl:with-param name="k" select="'home.discussion.caption'"/></xsl:call-template></xsl:with-param>
            <xsl:with-param name="end" select="true()"/>
          </xsl:call-template>
          <p><a href="{$base}{$lang}/discussion/"><xsl:call-template name="t"><xsl:with-param name="k" select="'home.discussion.all'"/></xsl:call-template></a>
            (<xsl:value-of select="discussion/@total"/>)</p>
        </xsl:when>
        <xsl:otherwise><p><xsl:call-template name="t"><xsl:with-param name="k" select="'home.discussion.none'"/></xsl:call-template></p></xsl:otherwise>
      </xsl:choose>
    </section>

    <section aria-labelledby="h-latest">
      <h2 id="h-latest"><xsl:call-template name="t"><xsl:with-param name="k" select="'home.latest'"/></xsl:call-template></h2>
      <xsl:choose>
        <xsl:when test="latest/doc">
          <xsl:call-template name="doc-table">
            <xsl:with-param name="docs" select="latest/doc"/>
            <xsl:with-param name="caption"><xsl:call-template name="t"><xsl:with-param name="k" select="'home.latest'"/></xsl:call-template></xsl:with-param>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise><p><xsl:call-template name="t"><xsl:with-param name="k" select="'list.empty'"/></xsl:call-template></p></xsl:otherwise>
      </xsl:choose>
    </section>

    <section aria-labelledby="h-deadlines">
      <h2 id="h-deadlines"><xsl:call-template name="t"><xsl:with-param name="k" select="'home.deadlines'"/></xsl:call-template></h2>
      <xsl:choose>
        <xsl:when test="deadlines/deadline">
          <div class="scroll">
            <table>
              <caption><xsl:call-template name="t"><xsl:with-param name="k" select="'deadline.caption'"/></xsl:call-template></caption>
              <thead>
                <tr>
                  <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'col.kind'"/></xsl:call-template></th>
                  <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'deadline.year'"/></xsl:call-template></th>
                  <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'deadline.due'"/></xsl:call-template></th>
                  <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'deadline.posted'"/></xsl:call-template></th>
                  <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'deadline.late'"/></xsl:call-template></th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="deadlines/deadline">
                  <tr>
                    <th scope="row"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('kind.', current()/@kind)"/></xsl:call-template> (<xsl:value-of select="@rule"/>)</th>
                    <td><xsl:value-of select="@year"/></td>
                    <td><xsl:call-template name="date"><xsl:with-param name="d" select="@due"/></xsl:call-template></td>
                    <td class="num"><xsl:value-of select="@posted"/></td>
                    <td class="num"><xsl:value-of select="@late"/></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise><p><xsl:call-template name="t"><xsl:with-param name="k" select="'none'"/></xsl:call-template></p></xsl:otherwise>
      </xsl:choose>
    </section>

    <section aria-labelledby="h-kinds">
      <h2 id="h-kinds"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.kinds'"/></xsl:call-template></h2>
      <ul class="kinds">
        <xsl:for-each select="kinds/kind">
          <li><a href="{$base}{$lang}/kind/{@name}/"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('kind.', current()/@name)"/></xsl:call-template></a>
            <span class="count"><xsl:value-of select="@count"/></span></li>
        </xsl:for-each>
      </ul>
    </section>
  </xsl:template>
</xsl:stylesheet>
