<?xml version="1.0" encoding="UTF-8"?>
<!-- /kk/stats/: the statistics of the public discussion (issue 5.5):
     moderation per operator, shown by pseudonym (P-15), and answers per
     administrator (P-16).  Page XML: generator/page_stats.c. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="http://www.w3.org/1999/xhtml">
  <xsl:import href="common.xsl"/>

  <xsl:template match="page" mode="title"><xsl:call-template name="t"><xsl:with-param name="k" select="'stats.title'"/></xsl:call-template></xsl:template>

  <xsl:template match="page" mode="main">
    <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'stats.title'"/></xsl:call-template></h1>
    <p class="lead"><xsl:call-template name="t"><xsl:with-param name="k" select="'stats.intro'"/></xsl:call-template></p>
    <p><xsl:call-template name="t"><xsl:with-param name="k" select="'stats.asof'"/></xsl:call-template><xsl:text>: </xsl:text>
      <xsl:call-template name="date"><xsl:with-param name="d" select="stats/@today"/></xsl:call-template></p>
    <xsl:if test="stats/@calendar = 'incomplete'">
      <p class="note"><xsl:call-template name="t"><xsl:with-param name="k" select="'stats.calendar-missing'"/></xsl:call-template></p>
    </xsl:if>
    <xsl:apply-templates select="stats/moderation"/>
    <xsl:apply-templates select="stats/answers"/>
  </xsl:template>

  <xsl:template match="moderation">
    <section aria-labelledby="h-moderation">
      <h2 id="h-moderation"><xsl:call-template name="t"><xsl:with-param name="k" select="'stats.moderation'"/></xsl:call-template></h2>
      <p class="note"><xsl:call-template name="t"><xsl:with-param name="k" select="'stats.method'"/></xsl:call-template></p>
      <p class="pending"><xsl:call-template name="t"><xsl:with-param name="k" select="'stats.pending'"/></xsl:call-template>
        <xsl:value-of select="concat(': ', @pending, '; ')"/>
        <xsl:call-template name="t"><xsl:with-param name="k" select="'stats.pending.overdue'"/></xsl:call-template>
        <xsl:value-of select="concat(': ', @pending-overdue)"/>
        <xsl:if test="@pending-unknown &gt; 0"> (+<xsl:value-of select="@pending-unknown"/>?)</xsl:if></p>
      <xsl:choose>
        <xsl:when test="operator">
          <!-- Wide tables scroll; role, label and tabindex let the keyboard reach them (WCAG 2.1.1). -->
          <div class="scroll" role="region" aria-labelledby="cap-moderation" tabindex="0">
            <table class="numbers operators">
              <caption id="cap-moderation"><xsl:call-template name="t"><xsl:with-param name="k" select="'stats.moderation.caption'"/></xsl:call-template></caption>
              <thead>
                <tr>
                  <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'stats.operator'"/></xsl:call-template></th>
                  <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'stats.decisions'"/></xsl:call-template></th>
                  <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'stats.published'"/></xsl:call-template></th>
                  <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'stats.refused'"/></xsl:call-template></th>
                  <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'stats.median-hours'"/></xsl:call-template></th>
                  <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'stats.median-days'"/></xsl:call-template></th>
                  <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'stats.overdue'"/></xsl:call-template></th>
                </tr>
              </thead>
              <tbody><xsl:apply-templates select="operator" mode="times"/></tbody>
              <tfoot><xsl:apply-templates select="total" mode="times"/></tfoot>
            </table>
          </div>
          <div class="scroll" role="region" aria-labelledby="cap-reasons" tabindex="0">
            <table class="numbers reasons">
              <caption id="cap-reasons"><xsl:call-template name="t"><xsl:with-param name="k" select="'stats.reasons.caption'"/></xsl:call-template></caption>
              <thead>
                <tr>
                  <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'stats.operator'"/></xsl:call-template></th>
                  <xsl:for-each select="total/reason">
                    <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('reason.', current()/@code)"/></xsl:call-template></th>
                  </xsl:for-each>
                </tr>
              </thead>
              <tbody><xsl:apply-templates select="operator" mode="reasons"/></tbody>
              <tfoot><xsl:apply-templates select="total" mode="reasons"/></tfoot>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise><p><xsl:call-template name="t"><xsl:with-param name="k" select="'stats.no-decisions'"/></xsl:call-template></p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template name="who">
    <xsl:choose>
      <xsl:when test="self::total"><xsl:call-template name="t"><xsl:with-param name="k" select="'stats.all'"/></xsl:call-template></xsl:when>
      <xsl:otherwise><code><xsl:value-of select="@pseudonym"/></code></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="operator|total" mode="times">
    <tr>
      <xsl:if test="self::total"><xsl:attribute name="class">total</xsl:attribute></xsl:if>
      <th scope="row"><xsl:call-template name="who"/></th>
      <td class="num decisions"><xsl:value-of select="@decisions"/></td>
      <td class="num"><xsl:value-of select="@published"/></td>
      <td class="num"><xsl:value-of select="@refused"/></td>
      <td class="num">
        <xsl:choose>
          <xsl:when test="@median-minutes"><xsl:value-of select="format-number(@median-minutes div 60, '#&#160;##0,0', 'kz')"/></xsl:when>
          <xsl:otherwise>—</xsl:otherwise>
        </xsl:choose>
      </td>
      <td class="num">
        <xsl:choose>
          <xsl:when test="@median-workdays"><xsl:value-of select="format-number(@median-workdays, '#&#160;##0,#', 'kz')"/></xsl:when>
          <xsl:otherwise>—</xsl:otherwise>
        </xsl:choose>
      </td>
      <td class="num overdue"><xsl:value-of select="@overdue"/><xsl:if test="@unknown &gt; 0"> (+<xsl:value-of select="@unknown"/>?)</xsl:if></td>
    </tr>
  </xsl:template>

  <xsl:template match="operator|total" mode="reasons">
    <tr>
      <xsl:if test="self::total"><xsl:attribute name="class">total</xsl:attribute></xsl:if>
      <th scope="row"><xsl:call-template name="who"/></th>
      <xsl:for-each select="reason"><td class="num {@code}"><xsl:value-of select="@count"/></td></xsl:for-each>
    </tr>
  </xsl:template>

  <xsl:template match="answers">
    <section aria-labelledby="h-answers">
      <h2 id="h-answers"><xsl:call-template name="t"><xsl:with-param name="k" select="'stats.answers'"/></xsl:call-template></h2>
      <p class="note"><xsl:call-template name="t"><xsl:with-param name="k" select="'stats.answers.method'"/></xsl:call-template></p>
      <xsl:choose>
        <xsl:when test="administrator">
          <div class="scroll" role="region" aria-labelledby="cap-answers" tabindex="0">
            <table class="numbers administrators">
              <caption id="cap-answers"><xsl:call-template name="t"><xsl:with-param name="k" select="'stats.answers.caption'"/></xsl:call-template></caption>
              <thead>
                <tr>
                  <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'col.admin'"/></xsl:call-template></th>
                  <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'stats.answers.published'"/></xsl:call-template></th>
                  <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'stats.answered'"/></xsl:call-template></th>
                  <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'stats.accepted'"/></xsl:call-template></th>
                  <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'stats.late'"/></xsl:call-template></th>
                  <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'stats.unanswered'"/></xsl:call-template></th>
                  <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'stats.unanswered-ended'"/></xsl:call-template></th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="administrator">
                  <xsl:sort select="admin/@code"/>
                  <xsl:sort select="admin/@bin"/>
                  <tr>
                    <th scope="row"><a href="{$base}{admin/@href}"><xsl:value-of select="admin"/></a> (<xsl:value-of select="admin/@code"/>)</th>
                    <xsl:call-template name="answer-cells"/>
                  </tr>
                </xsl:for-each>
              </tbody>
              <tfoot>
                <tr class="total">
                  <th scope="row"><xsl:call-template name="t"><xsl:with-param name="k" select="'stats.all-admins'"/></xsl:call-template></th>
                  <xsl:for-each select="total"><xsl:call-template name="answer-cells"/></xsl:for-each>
                </tr>
              </tfoot>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise><p><xsl:call-template name="t"><xsl:with-param name="k" select="'stats.no-answers'"/></xsl:call-template></p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template name="answer-cells">
    <td class="num published"><xsl:value-of select="@published"/></td>
    <td class="num answered"><xsl:value-of select="@answered"/></td>
    <td class="num accepted"><xsl:value-of select="@accepted"/></td>
    <td class="num late"><xsl:value-of select="@late"/></td>
    <td class="num unanswered"><xsl:value-of select="@unanswered"/></td>
    <td class="num unanswered-ended"><xsl:value-of select="@unanswered-ended"/></td>
  </xsl:template>
</xsl:stylesheet>
