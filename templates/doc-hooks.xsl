<?xml version="1.0" encoding="UTF-8"?>
<!-- Hooks of the document page for the public discussion (P-11 votes,
     P-13..P-16 proposals and answers, P-17 results).  The page XML carries
     <participation> under <document> and under each <part>
     (generator/page_discussion.c); discussion.xsl renders them:
       doc-participation   after the discussion period and status: how to
                           take part or "closed", the tallies;
       part-participation  at the end of each structural part: its
                           published proposals and answers. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="http://www.w3.org/1999/xhtml">
  <xsl:include href="discussion.xsl"/>
</xsl:stylesheet>
