<?xml version="1.0" encoding="UTF-8"?>
<!-- Hooks of the document page for the public discussion that later issues
     add (P-11 votes, P-13..P-16 proposals and answers, P-17 results).  The
     page XML will carry <participation> under <document> and under each
     <part>; override these templates (xsl:import this file's importer, or
     edit here) to render them.  Today they render nothing. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="http://www.w3.org/1999/xhtml">
  <!-- After the discussion period and status: tallies, the results report. -->
  <xsl:template name="doc-participation"/>
  <!-- At the end of each structural part: its proposals and answers. -->
  <xsl:template name="part-participation"/>
</xsl:stylesheet>
