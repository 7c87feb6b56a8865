<?xml version="1.0" encoding="UTF-8"?>
<!-- / : a tiny page in both languages linking to /kk/ and /ru/.  nginx
     normally redirects / by Accept-Language (nginx/lang.conf). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="http://www.w3.org/1999/xhtml">
  <xsl:import href="common.xsl"/>
  <xsl:variable name="KK" select="document('i18n/kk.xml')/strings"/>
  <xsl:variable name="RU" select="document('i18n/ru.xml')/strings"/>

  <xsl:template match="/">
    <html lang="kk">
      <head>
        <meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$KK/s[@key='site.name']"/> / <xsl:value-of select="$RU/s[@key='site.name']"/></title>
        <link rel="stylesheet" href="{$base}static/site.css"/>
        <link rel="alternate" hreflang="kk" href="{$base}kk/"/>
        <link rel="alternate" hreflang="ru" href="{$base}ru/"/>
      </head>
      <body>
        <a class="skip" href="#main"><xsl:value-of select="$KK/s[@key='skip']"/></a>
        <xsl:if test="page/@synthetic = 'yes'">
          <p class="synthetic" role="note"><strong><xsl:value-of select="$KK/s[@key='synthetic']"/></strong>
            <xsl:text> </xsl:text><strong lang="ru"><xsl:value-of select="$RU/s[@key='synthetic']"/></strong></p>
        </xsl:if>
        <main id="main" class="root">
          <h1><xsl:value-of select="$KK/s[@key='site.name']"/> / <span lang="ru"><xsl:value-of select="$RU/s[@key='site.name']"/></span></h1>
          <ul class="choose">
            <li><a href="{$base}kk/" hreflang="kk"><xsl:value-of select="$KK/s[@key='root.enter']"/></a></li>
            <li lang="ru"><a href="{$base}ru/" hreflang="ru"><xsl:value-of select="$RU/s[@key='root.enter']"/></a></li>
          </ul>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
