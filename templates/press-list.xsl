<?xml version="1.0" encoding="UTF-8"?>
<!-- The list of press releases (/kk/press/, page type "press-list"): the
     templates of press.xsl, under the name of its page type, so that every
     page type T is rendered by templates/T.xsl (obgen and the bench floor). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="press.xsl"/>
</xsl:stylesheet>
