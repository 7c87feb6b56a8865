<?xml version="1.0" encoding="UTF-8"?>
<!-- Shared parts of every page: the layout (skip link, header, language
     switch, navigation, synthetic-data banner, footer), UI strings, number,
     date and size formatting, document tables and the pager.
     UI strings come only from i18n/kk.xml and i18n/ru.xml, by the template "t". -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="http://www.w3.org/1999/xhtml"
                xmlns:ob="urn:obgen:strings" exclude-result-prefixes="ob">
  <xsl:output method="xml" encoding="UTF-8" omit-xml-declaration="yes"/>
  <!-- Kazakh and Russian: space (no-break) between thousands, comma before decimals. -->
  <xsl:decimal-format name="kz" decimal-separator="," grouping-separator="&#160;" minus-sign="&#8722;"/>

  <xsl:variable name="lang" select="/page/@lang"/>
  <xsl:variable name="other" select="/page/@other"/>
  <xsl:variable name="base" select="/page/@base"/>
  <!-- The <strings> of i18n/LANG.xml, parsed once per run and shared by every
       page (core/ui_strings.c), for walking a family of strings (js.*).
       A single string is the template "t" or ob:t($lang, KEY): a path like
       $S/s[@key = KEY] tests every one of the ~640 strings, ~0.15 ms a
       lookup, and four of them were 35% of a list page's time. -->
  <xsl:variable name="S" select="ob:strings($lang)"/>

  <!-- The layout; each page stylesheet provides mode="title" and mode="main". -->
  <xsl:template match="/">
    <xsl:variable name="title"><xsl:apply-templates select="page" mode="title"/></xsl:variable>
    <html lang="{$lang}">
      <head>
        <meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/> — <xsl:value-of select="ob:t($lang, 'site.name')"/></title>
        <link rel="stylesheet" href="{$base}static/site.css"/>
        <link rel="alternate" hreflang="{$other}" href="{$base}{page/@alt}"/>
        <link rel="alternate" type="application/atom+xml" href="{$base}{$lang}/atom.xml" title="{ob:t($lang, 'feed.link')}"/>
        <!-- The signing script only where something is signed: an open
             discussion (P-11, P-13) or a staff console page (obfcgi). -->
        <xsl:if test="$with-script">
          <script src="{$base}static/portal.js" defer="defer"></script>
        </xsl:if>
      </head>
      <body>
        <a class="skip" href="#main"><xsl:value-of select="ob:t($lang, 'skip')"/></a>
        <header class="site">
          <div class="bar">
            <p class="brand"><a href="{$base}{$lang}/"><xsl:value-of select="ob:t($lang, 'site.name')"/></a></p>
            <nav class="langs">
              <xsl:attribute name="aria-label"><xsl:value-of select="ob:t($lang, 'nav.lang')"/></xsl:attribute>
              <a href="{$base}{page/@alt}" hreflang="{$other}" lang="{$other}"><xsl:value-of select="ob:t($lang, 'lang.other')"/></a>
            </nav>
          </div>
          <nav class="main">
            <xsl:attribute name="aria-label"><xsl:value-of select="ob:t($lang, 'nav.main')"/></xsl:attribute>
            <ul>
              <xsl:call-template name="nav-item"><xsl:with-param name="href" select="concat($lang, '/')"/><xsl:with-param name="key" select="'nav.home'"/></xsl:call-template>
              <xsl:call-template name="nav-item"><xsl:with-param name="href" select="concat($lang, '/kind/')"/><xsl:with-param name="key" select="'nav.kinds'"/></xsl:call-template>
              <xsl:call-template name="nav-item"><xsl:with-param name="href" select="concat($lang, '/year/')"/><xsl:with-param name="key" select="'nav.years'"/></xsl:call-template>
              <xsl:call-template name="nav-item"><xsl:with-param name="href" select="concat($lang, '/admin/')"/><xsl:with-param name="key" select="'nav.admins'"/></xsl:call-template>
              <xsl:call-template name="nav-item"><xsl:with-param name="href" select="concat($lang, '/region/')"/><xsl:with-param name="key" select="'nav.regions'"/></xsl:call-template>
              <xsl:call-template name="nav-item"><xsl:with-param name="href" select="concat($lang, '/program/')"/><xsl:with-param name="key" select="'nav.programs'"/></xsl:call-template>
              <xsl:call-template name="nav-item"><xsl:with-param name="href" select="concat($lang, '/charts/')"/><xsl:with-param name="key" select="'nav.charts'"/></xsl:call-template>
              <xsl:call-template name="nav-item"><xsl:with-param name="href" select="concat($lang, '/stats/')"/><xsl:with-param name="key" select="'nav.stats'"/></xsl:call-template>
              <xsl:call-template name="nav-item"><xsl:with-param name="href" select="concat($lang, '/data/')"/><xsl:with-param name="key" select="'nav.data'"/></xsl:call-template>
            </ul>
          </nav>
        </header>
        <xsl:if test="page/@synthetic = 'yes'">
          <p class="synthetic" role="note"><strong><xsl:value-of select="ob:t($lang, 'synthetic')"/></strong></p>
        </xsl:if>
        <main id="main">
          <xsl:apply-templates select="page" mode="main"/>
        </main>
        <xsl:if test="$with-script"><xsl:call-template name="js-messages"/></xsl:if>
        <footer class="site">
          <p><xsl:value-of select="ob:t($lang, 'footer.licence')"/>
            <xsl:text> </xsl:text><a href="{$base}{$lang}/data/"><xsl:value-of select="ob:t($lang, 'nav.data')"/></a>
            <xsl:text> · </xsl:text><a href="{$base}schema/common.xsd"><xsl:value-of select="ob:t($lang, 'footer.schemas')"/></a></p>
          <p><a href="{$base}{$lang}/press/"><xsl:value-of select="ob:t($lang, 'footer.press')"/></a>
            <xsl:text> · </xsl:text><a href="{$base}{$lang}/compliance/"><xsl:value-of select="ob:t($lang, 'footer.compliance')"/></a>
            <xsl:text> · </xsl:text><a href="{$base}{$lang}/atom.xml" type="application/atom+xml"><xsl:value-of select="ob:t($lang, 'footer.feed')"/></a></p>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- Pages that sign something load public/portal.js. -->
  <xsl:variable name="with-script" select="boolean(//participation[@open = 'yes'] or /page/@console)"/>

  <!-- What public/portal.js says, in the page's language: one span per
       js.KEY string, read by data-k (the script has no text of its own). -->
  <xsl:template name="js-messages">
    <template id="ob-messages">
      <xsl:for-each select="$S/s[starts-with(@key, 'js.')]">
        <span data-k="{substring-after(@key, 'js.')}"><xsl:value-of select="."/></span>
      </xsl:for-each>
    </template>
  </xsl:template>

  <xsl:template name="nav-item">
    <xsl:param name="href"/>
    <xsl:param name="key"/>
    <li>
      <a href="{$base}{$href}">
        <xsl:if test="starts-with(/page/@path, $href) and ($href != concat($lang, '/') or /page/@path = $href)">
          <xsl:attribute name="aria-current">page</xsl:attribute>
        </xsl:if>
        <xsl:value-of select="ob:t($lang, $key)"/>
      </a>
    </li>
  </xsl:template>

  <!-- A UI string by key: one hash lookup (generator/strings.c).  Loading
       the strings with document() and indexing them with xsl:key cost a copy
       and an index per page; a path with a predicate compared every string
       on every lookup.  The layout and the tables of the page kinds built
       most often (list, doc, program, catalogue) call ob:t($lang, KEY)
       directly: a call-template with its parameter cost as much again. -->
  <xsl:template name="t">
    <xsl:param name="k"/>
    <xsl:value-of select="ob:t($lang, $k)"/>
  </xsl:template>

  <!-- Integer tenge shown as thousand tenge with one decimal: 1234567890 -> "1 234 567,9". -->
  <xsl:template name="amount">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="string($v) = ''"><xsl:text>—</xsl:text></xsl:when>
      <xsl:when test="round($v div 100) = 0">0,0</xsl:when>
      <xsl:otherwise><xsl:value-of select="format-number(round($v div 100) div 10, '#&#160;##0,0', 'kz')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Thousandths of a unit (indicators) shown as a decimal with up to 3 places. -->
  <xsl:template name="milli">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="string($v) = ''"><xsl:text>—</xsl:text></xsl:when>
      <xsl:otherwise><xsl:value-of select="format-number($v div 1000, '#&#160;##0,###', 'kz')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Expense indicators are tenge (shown in thousands), others thousandths of their unit. -->
  <xsl:template name="indicator-value">
    <xsl:param name="v"/>
    <xsl:param name="kind"/>
    <xsl:choose>
      <xsl:when test="$kind = 'expense'"><xsl:call-template name="amount"><xsl:with-param name="v" select="$v"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:call-template name="milli"><xsl:with-param name="v" select="$v"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="percent">
    <xsl:param name="part"/>
    <xsl:param name="whole"/>
    <xsl:choose>
      <xsl:when test="string($part) = '' or not($whole &gt; 0)"><xsl:text>—</xsl:text></xsl:when>
      <xsl:otherwise><xsl:value-of select="format-number($part * 100 div $whole, '0,0', 'kz')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ISO date as DD.MM.YYYY, machine-readable in <time>.  The day, month
       and year are picked by position with one translate(): each letter of
       'ab.cd.efgh' becomes the character of $d at its place in 'efgh-cd-ab'
       (a third cheaper than concat() of three substring(); a list page
       formats fifty dates). -->
  <xsl:template name="date">
    <xsl:param name="d"/>
    <xsl:choose>
      <xsl:when test="string-length($d) = 10">
        <time datetime="{$d}"><xsl:value-of select="translate('ab.cd.efgh', 'efgh-cd-ab', $d)"/></time>
      </xsl:when>
      <xsl:when test="string-length($d) = 7">
        <time datetime="{$d}"><xsl:value-of select="concat(substring($d, 6, 2), '.', substring($d, 1, 4))"/></time>
      </xsl:when>
      <xsl:otherwise>—</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- b: bytes, best as number(@size): an attribute is read and converted
       again at each test (the catalogue formats ~200 sizes a page). -->
  <xsl:template name="size">
    <xsl:param name="b"/>
    <xsl:choose>
      <xsl:when test="$b &lt; 1024"><xsl:value-of select="concat($b, '&#160;', ob:t($lang, 'size.b'))"/></xsl:when>
      <xsl:when test="$b &lt; 1048576"><xsl:value-of select="concat(format-number($b div 1024, '#&#160;##0,0', 'kz'), '&#160;', ob:t($lang, 'size.kb'))"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat(format-number($b div 1048576, '#&#160;##0,0', 'kz'), '&#160;', ob:t($lang, 'size.mb'))"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="status">
    <xsl:param name="s"/>
    <span class="status status-{$s}"><xsl:value-of select="ob:t($lang, concat('status.', $s))"/></span>
  </xsl:template>

  <!-- A table of documents (lists, home). -->
  <xsl:template name="doc-table">
    <xsl:param name="docs"/>
    <xsl:param name="caption"/>
    <xsl:param name="end" select="false()"/>
    <div class="scroll">
      <table class="docs">
        <caption><xsl:value-of select="$caption"/></caption>
        <thead>
          <tr>
            <th scope="col"><xsl:value-of select="ob:t($lang, 'col.title')"/></th>
            <th scope="col"><xsl:value-of select="ob:t($lang, 'col.kind')"/></th>
            <th scope="col"><xsl:value-of select="ob:t($lang, 'col.admin')"/></th>
            <th scope="col"><xsl:value-of select="ob:t($lang, 'col.posted')"/></th>
            <th scope="col">
              <xsl:choose>
                <xsl:when test="$end"><xsl:value-of select="ob:t($lang, 'col.end')"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="ob:t($lang, 'col.status')"/></xsl:otherwise>
              </xsl:choose>
            </th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$docs">
            <tr>
              <th scope="row"><a href="{$base}{@href}"><xsl:value-of select="title"/></a>
                <span class="number"><xsl:value-of select="@number"/></span></th>
              <td><xsl:value-of select="concat(ob:t($lang, concat('kind.', @kind)), ', ', @year)"/></td>
              <td><a href="{$base}{admin/@href}"><xsl:value-of select="admin"/></a></td>
              <td><xsl:call-template name="date"><xsl:with-param name="d" select="@posted"/></xsl:call-template></td>
              <td>
                <xsl:choose>
                  <xsl:when test="$end"><xsl:call-template name="date"><xsl:with-param name="d" select="@discussion-end"/></xsl:call-template></xsl:when>
                  <xsl:otherwise><xsl:call-template name="status"><xsl:with-param name="s" select="@status"/></xsl:call-template></xsl:otherwise>
                </xsl:choose>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <!-- Pages of a list: first page is DIR, page N is DIR/N.html. -->
  <xsl:template name="page-href">
    <xsl:param name="n"/>
    <xsl:param name="dir"/>
    <xsl:choose>
      <xsl:when test="$n = 1"><xsl:value-of select="concat($base, $dir)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat($base, $dir, $n, '.html')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="pager">
    <xsl:if test="@pages &gt; 1">
      <nav class="pager" aria-label="{ob:t($lang, 'pager.label')}">
        <ul>
          <xsl:if test="@page &gt; 1">
            <li><a rel="prev"><xsl:attribute name="href"><xsl:call-template name="page-href"><xsl:with-param name="n" select="@page - 1"/><xsl:with-param name="dir" select="@dir"/></xsl:call-template></xsl:attribute><xsl:value-of select="ob:t($lang, 'pager.prev')"/></a></li>
          </xsl:if>
          <xsl:call-template name="pager-numbers">
            <xsl:with-param name="n" select="1"/>
            <xsl:with-param name="page" select="number(@page)"/>
            <xsl:with-param name="pages" select="number(@pages)"/>
            <xsl:with-param name="dir" select="string(@dir)"/>
          </xsl:call-template>
          <xsl:if test="@page &lt; @pages">
            <li><a rel="next"><xsl:attribute name="href"><xsl:call-template name="page-href"><xsl:with-param name="n" select="@page + 1"/><xsl:with-param name="dir" select="@dir"/></xsl:call-template></xsl:attribute><xsl:value-of select="ob:t($lang, 'pager.next')"/></a></li>
          </xsl:if>
        </ul>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- First, last, and two either side of the current page.  The page
       numbers come as numbers, not as paths into <pager>, and the next one
       is not a variable with content (a result tree fragment): evaluated on
       each step, those were a third of the pager, itself an eighth of a
       list page's transformation. -->
  <xsl:template name="pager-numbers">
    <xsl:param name="n"/>
    <xsl:param name="page"/>
    <xsl:param name="pages"/>
    <xsl:param name="dir"/>
    <xsl:if test="$n &lt;= $pages">
      <xsl:choose>
        <xsl:when test="$n = $page">
          <li><a aria-current="page"><xsl:attribute name="href"><xsl:call-template name="page-href"><xsl:with-param name="n" select="$n"/><xsl:with-param name="dir" select="$dir"/></xsl:call-template></xsl:attribute><xsl:value-of select="$n"/></a></li>
        </xsl:when>
        <xsl:when test="$n = 1 or $n = $pages or ($n &gt;= $page - 2 and $n &lt;= $page + 2)">
          <li><a><xsl:attribute name="href"><xsl:call-template name="page-href"><xsl:with-param name="n" select="$n"/><xsl:with-param name="dir" select="$dir"/></xsl:call-template></xsl:attribute><xsl:value-of select="$n"/></a></li>
        </xsl:when>
        <xsl:when test="$n = 2 or $n = $pages - 1"><li class="gap">…</li></xsl:when>
      </xsl:choose>
      <xsl:call-template name="pager-numbers">
        <!-- n + 1, or past a gap: to page - 2 or to pages - 1 (a boolean
             is 1 or 0 in a sum). -->
        <xsl:with-param name="n" select="$n + 1 + ($n &lt; $page - 3 and $n &gt; 1) * ($page - 3 - $n) + ($n &gt; $page + 2 and $n &lt; $pages - 1) * ($pages - 2 - $n)"/>
        <xsl:with-param name="page" select="$page"/>
        <xsl:with-param name="pages" select="$pages"/>
        <xsl:with-param name="dir" select="$dir"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
