using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>The list numberings the kept texts of a rendering use, added to the report's numbering part (created when the template has none).</summary>
internal static class TextNumbering
{
    public static void Add(MainDocumentPart main, TextPlaceRendering places)
    {
        if (!places.UsesBullets && places.NumberedLists.Count == 0)
        {
            return;
        }

        var part = main.NumberingDefinitionsPart ?? main.AddNewPart<NumberingDefinitionsPart>();
        part.Numbering ??= new Numbering();
        var numbering = part.Numbering;
        var abstracts = new[]
        {
            Abstract(TextPlaceRendering.BulletNumbering, NumberFormatValues.Bullet, level => level % 2 == 0 ? "•" : "◦"),
            Abstract(TextPlaceRendering.NumberedNumbering, NumberFormatValues.Decimal, level => $"%{level + 1}."),
        };
        var firstInstance = numbering.GetFirstChild<NumberingInstance>();
        foreach (var definition in abstracts)
        {
            if (firstInstance is null)
            {
                numbering.Append(definition);
            }
            else
            {
                numbering.InsertBefore(definition, firstInstance);
            }
        }

        numbering.Append(new NumberingInstance(new AbstractNumId { Val = TextPlaceRendering.BulletNumbering }) { NumberID = TextPlaceRendering.BulletNumbering });
        foreach (var id in places.NumberedLists)
        {
            numbering.Append(new NumberingInstance(
                new AbstractNumId { Val = TextPlaceRendering.NumberedNumbering },
                new LevelOverride(new StartOverrideNumberingValue { Val = 1 }) { LevelIndex = 0 })
            { NumberID = id });
        }
    }

    private static AbstractNum Abstract(int id, NumberFormatValues format, Func<int, string> text)
    {
        var definition = new AbstractNum(new MultiLevelType { Val = MultiLevelValues.HybridMultilevel }) { AbstractNumberId = id };
        for (var level = 0; level < 3; level++)
        {
            definition.Append(new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = format },
                new LevelText { Val = text(level) },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = (720 * (level + 1)).ToString(System.Globalization.CultureInfo.InvariantCulture), Hanging = "360" }))
            { LevelIndex = level });
        }

        return definition;
    }
}
