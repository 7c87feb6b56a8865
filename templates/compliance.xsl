<?xml version="1.0" encoding="UTF-8"?>
<!-- /kk/compliance/: per rule (P-5, P-7, P-10, G) each administrator's
     record of documents posted on time, late, missing, pending; and
     /kk/compliance/RULE.html: each document with its due date, posting date
     and status, late or overdue by N working days
     (generator/page_compliance.c, core/db_compliance.h). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="http://www.w3.org/1999/xhtml">
  <xsl:import href="common.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:call-template name="t"><xsl:with-param name="k" select="'compliance.title'"/></xsl:call-template>
    <xsl:if test="@rule"><xsl:value-of select="concat(': ', @rule)"/></xsl:if>
  </xsl:template>

  <xsl:template match="page" mode="main">
    <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'compliance.title'"/></xsl:call-template>
      <xsl:if test="@rule"><xsl:value-of select="concat(': ', @rule)"/></xsl:if></h1>
    <p class="lead"><xsl:call-template name="t"><xsl:with-param name="k" select="'compliance.intro'"/></xsl:call-template></p>
    <p><xsl:call-template name="t"><xsl:with-param name="k" select="'compliance.asof'"/></xsl:call-template>
      <xsl:text> </xsl:text><xsl:call-template name="date"><xsl:with-param name="d" select="@today"/></xsl:call-template></p>
    <xsl:if test="@rule">
      <p><a href="{$base}{$lang}/compliance/"><xsl:call-template name="t"><xsl:with-param name="k" select="'compliance.back'"/></xsl:call-template></a></p>
    </xsl:if>
    <xsl:apply-templates select="rules/rule"/>
  </xsl:template>

  <xsl:template name="count-heads">
    <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'compliance.on-time'"/></xsl:call-template></th>
    <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'compliance.late'"/></xsl:call-template></th>
    <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'compliance.missing'"/></xsl:call-template></th>
    <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'compliance.pending'"/></xsl:call-template></th>
    <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'compliance.unknown'"/></xsl:call-template></th>
  </xsl:template>

  <xsl:template name="count-cells">
    <td class="num"><xsl:value-of select="@on-time"/></td>
    <td class="num"><xsl:value-of select="@late"/></td>
    <td class="num"><xsl:value-of select="@missing"/></td>
    <td class="num"><xsl:value-of select="@pending"/></td>
    <td class="num"><xsl:value-of select="@unknown"/></td>
  </xsl:template>

  <xsl:template match="rule">
    <section class="rule" aria-labelledby="h-{@name}">
      <h2 id="h-{@name}"><xsl:value-of select="@id"/>: <xsl:call-template name="t"><xsl:with-param name="k" select="concat('kind.', current()/@kind)"/></xsl:call-template></h2>
      <p><xsl:call-template name="t"><xsl:with-param name="k" select="concat('compliance.rule.', current()/@id)"/></xsl:call-template></p>
      <xsl:choose>
        <xsl:when test="@detail = 'exceptions' and not(row)">
          <p><xsl:call-template name="t"><xsl:with-param name="k" select="'compliance.no-exceptions'"/></xsl:call-template></p>
        </xsl:when>
        <xsl:when test="not(admin-record or row)">
          <p><xsl:call-template name="t"><xsl:with-param name="k" select="'compliance.none'"/></xsl:call-template></p>
        </xsl:when>
        <xsl:when test="admin-record">
          <div class="scroll">
            <table>
              <caption><xsl:value-of select="@id"/>: <xsl:call-template name="t"><xsl:with-param name="k" select="'compliance.summary'"/></xsl:call-template></caption>
              <thead><tr><th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'col.admin'"/></xsl:call-template></th><xsl:call-template name="count-heads"/></tr></thead>
              <tbody>
                <xsl:for-each select="admin-record">
                  <tr><th scope="row"><a href="{$base}{admin/@href}"><xsl:value-of select="admin"/></a> (<xsl:value-of select="admin/@code"/>)</th><xsl:call-template name="count-cells"/></tr>
                </xsl:for-each>
              </tbody>
              <tfoot><tr><th scope="row"><xsl:call-template name="t"><xsl:with-param name="k" select="'compliance.total'"/></xsl:call-template></th><xsl:call-template name="count-cells"/></tr></tfoot>
            </table>
          </div>
          <p><a href="{$base}{@href}"><xsl:call-template name="t"><xsl:with-param name="k" select="'compliance.details'"/></xsl:call-template> (<xsl:value-of select="@id"/>)</a></p>
        </xsl:when>
        <xsl:otherwise>
          <p><xsl:call-template name="t"><xsl:with-param name="k" select="'compliance.exceptions'"/></xsl:call-template></p>
          <div class="scroll">
            <table>
              <caption><xsl:value-of select="@id"/>: <xsl:call-template name="t"><xsl:with-param name="k" select="'compliance.details'"/></xsl:call-template></caption>
              <thead>
                <tr>
                  <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'col.admin'"/></xsl:call-template></th>
                  <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'compliance.document'"/></xsl:call-template></th>
                  <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'compliance.subject'"/></xsl:call-template></th>
                  <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'compliance.due'"/></xsl:call-template></th>
                  <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'compliance.posted'"/></xsl:call-template></th>
                  <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'compliance.state'"/></xsl:call-template></th>
                </tr>
              </thead>
              <tbody><xsl:apply-templates select="row"/></tbody>
            </table>
          </div>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template match="row">
    <tr class="state-{@state}">
      <th scope="row"><a href="{$base}{admin/@href}"><xsl:value-of select="admin"/></a> (<xsl:value-of select="admin/@code"/>)</th>
      <td>
        <xsl:choose>
          <xsl:when test="@href"><a href="{$base}{@href}"><xsl:value-of select="@number"/></a></xsl:when>
          <xsl:otherwise><em><xsl:call-template name="t"><xsl:with-param name="k" select="'compliance.expected'"/></xsl:call-template></em></xsl:otherwise>
        </xsl:choose>
      </td>
      <td>
        <xsl:choose>
          <xsl:when test="@period"><xsl:call-template name="date"><xsl:with-param name="d" select="@period"/></xsl:call-template></xsl:when>
          <xsl:when test="@received"><xsl:call-template name="t"><xsl:with-param name="k" select="'compliance.received'"/></xsl:call-template><xsl:text> </xsl:text><xsl:call-template name="date"><xsl:with-param name="d" select="@received"/></xsl:call-template></xsl:when>
          <xsl:otherwise><xsl:value-of select="@year"/></xsl:otherwise>
        </xsl:choose>
        <xsl:if test="@program">, <xsl:call-template name="t"><xsl:with-param name="k" select="'compliance.program'"/></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="@program"/></xsl:if>
      </td>
      <td><xsl:call-template name="date"><xsl:with-param name="d" select="@due"/></xsl:call-template></td>
      <td><xsl:call-template name="date"><xsl:with-param name="d" select="@posted"/></xsl:call-template></td>
      <td>
        <xsl:call-template name="t"><xsl:with-param name="k" select="concat('compliance.', current()/@state)"/></xsl:call-template>
        <xsl:if test="@days">
          <xsl:value-of select="concat(': ', @days, ' ')"/>
          <xsl:choose>
            <xsl:when test="@state = 'late'"><xsl:call-template name="t"><xsl:with-param name="k" select="'compliance.days.late'"/></xsl:call-template></xsl:when>
            <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'compliance.days.overdue'"/></xsl:call-template></xsl:otherwise>
          </xsl:choose>
        </xsl:if>
      </td>
    </tr>
  </xsl:template>
</xsl:stylesheet>
