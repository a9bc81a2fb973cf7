/**
 * Charts drawn on the server from the worksheets' result objects with JFreeChart: one chart
 * definition per worksheet, rendered to SVG for the page (JFreeSVG) and, later, through a
 * Graphics2D into the PDF. Labels and numbers follow the user's language.
 */
package nl.retentiewerkboek.charts;
