<?xml version="1.0" encoding="UTF-8"?>
<!-- The public discussion on a document page (P-11, P-13..P-16), included
     by doc-hooks.xsl.  The page XML (generator/page_discussion.c) carries
     <participation> under <document> (state and tallies) and under each
     <part> (its published proposals with their answers).  Pending and
     refused proposals are never in the page XML; no person is named. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="http://www.w3.org/1999/xhtml"
                xmlns:ob="urn:obgen:strings" exclude-result-prefixes="ob">

  <!-- Inside the discussion section; the context is <document>. -->
  <xsl:template name="doc-participation">
    <xsl:for-each select="participation">
      <xsl:choose>
        <xsl:when test="@open = 'yes'">
          <!-- P-13: taking part needs an EDS; the signing forms (NCALayer) go here. -->
          <p class="how"><xsl:call-template name="t"><xsl:with-param name="k" select="'disc.how'"/></xsl:call-template></p>
          <xsl:call-template name="participate-forms"/>
        </xsl:when>
        <xsl:otherwise>
          <p class="closed"><xsl:call-template name="t"><xsl:with-param name="k" select="'disc.closed'"/></xsl:call-template></p>
        </xsl:otherwise>
      </xsl:choose>
      <div class="scroll">
        <table class="tally">
          <caption>
            <xsl:choose>
              <xsl:when test="@open = 'yes'"><xsl:call-template name="t"><xsl:with-param name="k" select="'disc.tally.current'"/></xsl:call-template></xsl:when>
              <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'disc.tally.final'"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </caption>
          <thead>
            <tr>
              <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'disc.votes'"/></xsl:call-template></th>
              <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'disc.for'"/></xsl:call-template></th>
              <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'disc.against'"/></xsl:call-template></th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row"><xsl:call-template name="t"><xsl:with-param name="k" select="'disc.votes.doc'"/></xsl:call-template></th>
              <td class="num votes-for"><xsl:value-of select="@for"/></td>
              <td class="num votes-against"><xsl:value-of select="@against"/></td>
            </tr>
            <tr>
              <th scope="row"><xsl:call-template name="t"><xsl:with-param name="k" select="'disc.votes.proposals'"/></xsl:call-template></th>
              <td class="num"><xsl:value-of select="@proposal-for"/></td>
              <td class="num"><xsl:value-of select="@proposal-against"/></td>
            </tr>
          </tbody>
        </table>
      </div>
      <dl class="facts proposals-count">
        <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'disc.published'"/></xsl:call-template></dt>
        <dd class="published"><xsl:value-of select="@published"/></dd>
        <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'disc.answered'"/></xsl:call-template></dt>
        <dd class="answered"><xsl:value-of select="@answered"/>
          <xsl:text> (</xsl:text><xsl:call-template name="t"><xsl:with-param name="k" select="'disc.accepted'"/></xsl:call-template>
          <xsl:value-of select="concat(': ', @accepted, ')')"/></dd>
        <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'disc.refused'"/></xsl:call-template></dt>
        <dd class="refused"><xsl:value-of select="@refused"/></dd>
        <xsl:if test="@pending &gt; 0">
          <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'disc.pending'"/></xsl:call-template></dt>
          <dd class="pending"><xsl:value-of select="@pending"/></dd>
        </xsl:if>
      </dl>
      <xsl:if test="@published &gt; 0">
        <p><xsl:call-template name="t"><xsl:with-param name="k" select="'disc.see-parts'"/></xsl:call-template></p>
      </xsl:if>
      <p><a href="{$base}{$lang}/stats/"><xsl:call-template name="t"><xsl:with-param name="k" select="'disc.stats'"/></xsl:call-template></a></p>
      <!-- Proposals to parts since removed from the document stay public. -->
      <xsl:if test="proposal">
        <section class="proposals" aria-labelledby="h-removed-parts">
          <h3 id="h-removed-parts"><xsl:call-template name="t"><xsl:with-param name="k" select="'disc.removed-parts'"/></xsl:call-template></h3>
          <ol class="proposals"><xsl:apply-templates select="proposal"/></ol>
        </section>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- The citizen's forms while the discussion is open; the context is the
       document's <participation>.  Signing needs NCALayer, so public/portal.js
       does the work: each form.ob-sign names what it signs (data-kind: the
       root element of schema/submission.xsd), where it goes (action) and
       which key signs it (data-key).  The forms stay hidden without the
       script; reading never needs it (P-13: taking part needs an EDS). -->
  <xsl:template name="participate-forms">
    <xsl:variable name="number" select="../@number"/>
    <div id="participate" class="participate" data-document="{$number}">
      <p class="ob-nojs"><xsl:call-template name="t"><xsl:with-param name="k" select="'form.needs'"/></xsl:call-template></p>
      <!-- P-11: for or against the document. -->
      <form class="ob-sign vote" hidden="hidden" method="post" action="{$base}api/votes" data-kind="vote" data-key="SIGNATURE">
        <input type="hidden" name="document" value="{$number}"/>
        <fieldset>
          <legend><xsl:call-template name="t"><xsl:with-param name="k" select="'form.vote.doc'"/></xsl:call-template></legend>
          <xsl:call-template name="vote-buttons"/>
        </fieldset>
        <p class="ob-status" role="status" aria-live="polite"></p>
      </form>
      <!-- P-13, P-14: a proposal of at most 1000 characters to one chosen
           structural part, in Kazakh or Russian. -->
      <xsl:if test="../parts/part">
        <form class="ob-sign proposal-form" hidden="hidden" method="post" action="{$base}api/proposals" data-kind="proposal" data-key="SIGNATURE">
          <input type="hidden" name="document" value="{$number}"/>
          <fieldset>
            <legend><xsl:call-template name="t"><xsl:with-param name="k" select="'form.proposal'"/></xsl:call-template></legend>
            <p class="rules" id="ob-rules"><xsl:call-template name="t"><xsl:with-param name="k" select="'form.proposal.rules'"/></xsl:call-template></p>
            <p class="field">
              <label for="ob-part"><xsl:call-template name="t"><xsl:with-param name="k" select="'form.part'"/></xsl:call-template></label>
              <select id="ob-part" name="part" required="required">
                <xsl:for-each select="../parts//part">
                  <option value="{@id}"><xsl:number level="multiple" count="part" format="1.1"/><xsl:value-of select="concat('. ', title)"/></option>
                </xsl:for-each>
              </select>
            </p>
            <p class="field">
              <label for="ob-lang"><xsl:call-template name="t"><xsl:with-param name="k" select="'form.lang'"/></xsl:call-template></label>
              <select id="ob-lang" name="lang">
                <xsl:call-template name="lang-option"><xsl:with-param name="code" select="'kk'"/></xsl:call-template>
                <xsl:call-template name="lang-option"><xsl:with-param name="code" select="'ru'"/></xsl:call-template>
              </select>
            </p>
            <p class="field">
              <label for="ob-text"><xsl:call-template name="t"><xsl:with-param name="k" select="'form.text'"/></xsl:call-template></label>
              <textarea id="ob-text" name="text" rows="6" maxlength="1000" required="required"
                        data-counter="ob-text-count" aria-describedby="ob-rules ob-text-count"></textarea>
              <output id="ob-text-count" for="ob-text" class="counter">0 / 1000</output>
            </p>
            <p><button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'form.send'"/></xsl:call-template></button></p>
          </fieldset>
          <p class="ob-status" role="status" aria-live="polite"></p>
        </form>
      </xsl:if>
    </div>
  </xsl:template>

  <!-- P-3: everything in Kazakh and Russian; the page's language is the default. -->
  <xsl:template name="lang-option">
    <xsl:param name="code"/>
    <option value="{$code}">
      <xsl:if test="$code = $lang"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
      <xsl:call-template name="t"><xsl:with-param name="k" select="concat('form.lang.', $code)"/></xsl:call-template>
    </option>
  </xsl:template>

  <!-- The two buttons of a vote; event.submitter tells portal.js the choice. -->
  <xsl:template name="vote-buttons">
    <button type="submit" name="choice" value="for"><xsl:call-template name="t"><xsl:with-param name="k" select="'form.vote.for'"/></xsl:call-template></button>
    <xsl:text> </xsl:text>
    <button type="submit" name="choice" value="against"><xsl:call-template name="t"><xsl:with-param name="k" select="'form.vote.against'"/></xsl:call-template></button>
  </xsl:template>

  <!-- At the end of each structural part; the context is <part>. -->
  <xsl:template name="part-participation">
    <xsl:if test="participation/proposal">
      <xsl:variable name="depth" select="count(ancestor::part) + 3"/>
      <section class="proposals" aria-labelledby="h-proposals-{@id}">
        <xsl:element name="h{substring('4566666', $depth - 2, 1)}">
          <xsl:attribute name="id">h-proposals-<xsl:value-of select="@id"/></xsl:attribute>
          <xsl:call-template name="t"><xsl:with-param name="k" select="'disc.part-proposals'"/></xsl:call-template>
          <xsl:value-of select="concat(' (', count(participation/proposal), ')')"/>
        </xsl:element>
        <ol class="proposals"><xsl:apply-templates select="participation/proposal"/></ol>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- One published proposal: its text in its own language, its tallies and
       the administrator's answer (P-16) or the lack of one. -->
  <xsl:template match="proposal">
    <li class="proposal" id="proposal-{@id}">
      <p class="meta">
        <xsl:call-template name="t"><xsl:with-param name="k" select="'disc.proposal'"/></xsl:call-template>
        <xsl:value-of select="concat(' ', @id, ', ')"/>
        <xsl:call-template name="date"><xsl:with-param name="d" select="@day"/></xsl:call-template>
        <xsl:text> (</xsl:text><xsl:call-template name="t"><xsl:with-param name="k" select="concat('disc.lang.', current()/@lang)"/></xsl:call-template><xsl:text>)</xsl:text>
      </p>
      <blockquote class="text" lang="{@lang}"><p><xsl:value-of select="text"/></p></blockquote>
      <p class="votes">
        <xsl:call-template name="t"><xsl:with-param name="k" select="'disc.for'"/></xsl:call-template>
        <xsl:value-of select="concat(': ', @for, ' · ')"/>
        <xsl:call-template name="t"><xsl:with-param name="k" select="'disc.against'"/></xsl:call-template>
        <xsl:value-of select="concat(': ', @against)"/>
      </p>
      <!-- P-11, P-17: people vote on published proposals too, while the
           discussion is open. -->
      <xsl:if test="ancestor::document/participation/@open = 'yes'">
        <form class="ob-sign vote" hidden="hidden" method="post" action="{$base}api/votes" data-kind="vote" data-key="SIGNATURE">
          <input type="hidden" name="document" value="{ancestor::document/@number}"/>
          <input type="hidden" name="proposal" value="{@id}"/>
          <fieldset>
            <legend><xsl:variable name="s" select="ob:t($lang, 'form.vote.proposal')"/>
              <xsl:value-of select="concat(substring-before($s, '{n}'), @id, substring-after($s, '{n}'))"/></legend>
            <xsl:call-template name="vote-buttons"/>
          </fieldset>
          <p class="ob-status" role="status" aria-live="polite"></p>
        </form>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="answer">
          <div class="answer {answer/@decision}">
            <p><strong><xsl:call-template name="t"><xsl:with-param name="k" select="'disc.answer'"/></xsl:call-template></strong>
              <xsl:text>: </xsl:text>
              <xsl:call-template name="t"><xsl:with-param name="k" select="concat('answer.', current()/answer/@decision)"/></xsl:call-template>
              <xsl:text>, </xsl:text>
              <xsl:call-template name="date"><xsl:with-param name="d" select="answer/@day"/></xsl:call-template>
              <xsl:if test="answer/@late = 'yes'"><xsl:text> (</xsl:text><xsl:call-template name="t"><xsl:with-param name="k" select="'disc.answer.late'"/></xsl:call-template><xsl:text>)</xsl:text></xsl:if></p>
            <p class="justification" lang="{answer/@lang}"><xsl:value-of select="answer/text"/></p>
          </div>
        </xsl:when>
        <xsl:when test="ancestor::document/participation/@open = 'yes'">
          <p class="answer awaiting"><xsl:call-template name="t"><xsl:with-param name="k" select="'disc.awaiting'"/></xsl:call-template></p>
        </xsl:when>
        <xsl:otherwise>
          <p class="answer unanswered"><xsl:call-template name="t"><xsl:with-param name="k" select="'disc.unanswered'"/></xsl:call-template></p>
        </xsl:otherwise>
      </xsl:choose>
    </li>
  </xsl:template>
</xsl:stylesheet>
