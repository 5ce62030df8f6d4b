using System.Text;
using Cdppe.Pipeline.Reporting.Templating;

namespace Cdppe.Tests.Reporting.Templating;

/// <summary>The output of a part written as it is produced: what is held, taken back, kept at the end, and the ids renumbered on the way.</summary>
public sealed class RenderOutputTests
{
    [Fact]
    public void HeldContentIsTakenBackOrWrittenWhateverWasWrittenBefore()
    {
        var destination = new StringWriter();
        var output = new RenderOutput(destination, tail: 8);
        var expected = new StringBuilder();
        for (var i = 0; i < 5_000; i++)
        {
            // 40 characters an item: many writes to the destination happen in between.
            var kept = $"<w:p><w:r><w:t>{i,8}</w:t></w:r></w:p>";
            output.Append(kept);
            expected.Append(kept);
            var mark = output.Hold();
            output.Append("<w:tbl>");
            if (i % 2 == 0)
            {
                // A hold longer than what is written at once.
                for (var k = 0; k < 2_000; k++)
                {
                    output.Append("<w:tr/>");
                }

                output.TakeBack(mark);
            }
            else
            {
                output.Append("</w:tbl>");
                output.Release();
                expected.Append("<w:tbl></w:tbl>");
            }
        }

        Assert.True(output.EndsWith("</w:tbl>"));
        output.InsertBeforeEnd("</w:tbl>".Length, "<w:br/>");
        expected.Insert(expected.Length - "</w:tbl>".Length, "<w:br/>");
        Assert.Equal(expected.Length, output.Length);
        output.Complete();

        Assert.Equal(expected.ToString(), destination.ToString());
    }

    [Fact]
    public void DrawingAndBookmarkIdsAreRenumberedInOrderAcrossWrites()
    {
        var destination = new StringWriter();
        var output = new RenderOutput(destination, renumberDrawings: true);
        var expected = new StringBuilder();
        for (var i = 1; i <= 3_000; i++)
        {
            // Every item repeats the template's ids: 7 for the bookmark, 1 for the drawing.
            output.Append("<w:p><w:bookmarkStart w:id=\"7\" w:name=\"fiche").Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("\"/>")
                .Append("<w:r><w:drawing><wp:inline><wp:docPr id=\"1\" name=\"Image\"/></wp:inline></w:drawing></w:r>")
                .Append("<w:bookmarkEnd w:id=\"7\"/><w:bookmarkEnd w:id=\"99\"/></w:p>");
            expected.Append(System.Globalization.CultureInfo.InvariantCulture, $"<w:p><w:bookmarkStart w:id=\"{i}\" w:name=\"fiche{i}\"/>")
                .Append(System.Globalization.CultureInfo.InvariantCulture, $"<w:r><w:drawing><wp:inline><wp:docPr id=\"{i}\" name=\"Image\"/></wp:inline></w:drawing></w:r>")
                .Append(System.Globalization.CultureInfo.InvariantCulture, $"<w:bookmarkEnd w:id=\"{i}\"/><w:bookmarkEnd w:id=\"99\"/></w:p>");
        }

        // A drawing whose id is not a number and text that only looks like a tag name are left as they are.
        output.Append("<wp:docPr id=\"x\" name=\"docPr\"/><w:t>bookmarkStart id=\"5\"</w:t>");
        expected.Append("<wp:docPr id=\"x\" name=\"docPr\"/><w:t>bookmarkStart id=\"5\"</w:t>");
        output.Complete();

        Assert.Equal(expected.ToString(), destination.ToString());
    }

    [Fact]
    public void WithoutDestinationEverythingStaysAndDrawingsKeepTheirIdsInHeaders()
    {
        var output = new RenderOutput();
        output.Append("<w:p>").AppendEscaped("a < b & \"c\"\u0001", attribute: false).Append("</w:p>");
        Assert.Equal("<w:p>a &lt; b &amp; \"c\"</w:p>", output.ToString());

        var header = new StringWriter();
        var written = new RenderOutput(header);
        written.Append("<wp:docPr id=\"4\"/><w:bookmarkStart w:id=\"4\" w:name=\"a\"/><w:bookmarkEnd w:id=\"4\"/>");
        written.Complete();
        Assert.Equal("<wp:docPr id=\"4\"/><w:bookmarkStart w:id=\"1\" w:name=\"a\"/><w:bookmarkEnd w:id=\"1\"/>", header.ToString());
    }
}
