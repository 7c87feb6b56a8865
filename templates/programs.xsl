<?xml version="1.0" encoding="UTF-8"?>
<!-- /kk/program/: functional groups; /kk/program/gN.html: the programs of group N. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="http://www.w3.org/1999/xhtml">
  <xsl:import href="common.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:choose>
      <!-- The group's own name, as its <h1>: the string value of <fgroup>
           was every program and administrator name in it (109 KB of a
           294 KB page on the bench site). -->
      <xsl:when test="fgroup/program or count(fgroup) = 1"><xsl:value-of select="concat(fgroup/@code, '. ', fgroup/text())"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'programs.title'"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page" mode="main">
    <xsl:choose>
      <xsl:when test="count(fgroup) = 1">
        <p class="kicker"><a href="{$base}{$lang}/program/"><xsl:call-template name="t"><xsl:with-param name="k" select="'programs.title'"/></xsl:call-template></a></p>
        <h1><xsl:value-of select="concat(fgroup/@code, '. ', fgroup/text())"/></h1>
        <xsl:choose>
          <xsl:when test="fgroup/program">
            <div class="scroll">
              <table>
                <caption><xsl:value-of select="fgroup/text()"/></caption>
                <thead>
                  <tr>
                    <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'col.code'"/></xsl:call-template></th>
                    <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'doc.program'"/></xsl:call-template></th>
                    <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'col.admin'"/></xsl:call-template></th>
                  </tr>
                </thead>
                <tbody>
                  <xsl:for-each select="fgroup/program">
                    <tr>
                      <td><xsl:value-of select="concat(admin/@code, ' ', @code)"/></td>
                      <th scope="row"><a href="{$base}{@href}"><xsl:value-of select="name"/></a></th>
                      <td><a href="{$base}{admin/@href}"><xsl:value-of select="admin"/></a></td>
                    </tr>
                  </xsl:for-each>
                </tbody>
              </table>
            </div>
          </xsl:when>
          <xsl:otherwise><p><xsl:call-template name="t"><xsl:with-param name="k" select="'none'"/></xsl:call-template></p></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise>
        <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'programs.title'"/></xsl:call-template></h1>
        <div class="scroll">
          <table>
            <caption><xsl:call-template name="t"><xsl:with-param name="k" select="'programs.title'"/></xsl:call-template></caption>
            <thead>
              <tr>
                <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'col.code'"/></xsl:call-template></th>
                <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'program.fgroup'"/></xsl:call-template></th>
                <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'programs.count'"/></xsl:call-template></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="fgroup">
                <tr>
                  <td><xsl:value-of select="@code"/></td>
                  <th scope="row"><a href="{$base}{@href}"><xsl:value-of select="."/></a></th>
                  <td class="num"><xsl:value-of select="@count"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
