using Cdppe.Pipeline.Reporting.Templating;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static Cdppe.Tests.Reporting.Templating.Docx;

namespace Cdppe.Tests.Reporting.Templating;

/// <summary>The engine end to end on real .docx fixtures: expected outputs compared by text and by structure, each valid Open XML.</summary>
public sealed class TemplateRenderTests
{
    private static List<Dictionary<string, object?>> Fiches(int count) => Enumerable.Range(1, count)
        .Select(n => Data(("numero", n), ("intitule", $"Action {n}"), ("bilan", $"Bilan {n}"), ("lignes", new List<object?> { Data(("libelle", $"L{n}a"), ("montant", 1000m * n)), Data(("libelle", $"L{n}b"), ("montant", 10m * n)) })))
        .ToList();

    [Fact]
    public void TagSplitAcrossRunsByProofingMarksBookmarksRevisionsAndFormattingIsReplaced()
    {
        var template = Create(
            P(R("Montant : {{mon"), Proof(true), R("tant | eu", bold: true), Proof(false), R("ros}} fin")),
            P(R("Année {{an"), new BookmarkStart { Id = "0", Name = "_GoBack" }, R("nee}}"), new BookmarkEnd { Id = "0" }),
            P(R("Département {{dep"), Inserted("artement}} !")),
            P(R("{{", italic: true), R("annee", bold: true), R("}}")),
            P(R("Supprimé : {{an"), new DeletedRun(new Run(new DeletedText("texte retiré"))) { Id = "92", Author = "Relecteur" }, R("nee}}")));

        var output = RenderValid(template, Data(("montant", 839_727m), ("annee", 2022), ("departement", "77")));

        Assert.Equal(["Montant : 839\u00A0727\u00A0€ fin", "Année 2022", "Département 77 !", "2022", "Supprimé : 2022"], Blocks(output));
        using var document = Open(output);
        var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();
        Assert.Empty(document.MainDocumentPart.Document.Descendants<ProofError>());
        // The value takes the formatting of the piece where the tag starts; the rest keeps its own.
        var valueRun = paragraphs[0].Elements<Run>().Single(r => r.InnerText.Contains('€', StringComparison.Ordinal));
        Assert.Null(valueRun.RunProperties);
        Assert.NotNull(paragraphs[3].Elements<Run>().Single().RunProperties?.Italic);
        Assert.Single(paragraphs[1].Elements<BookmarkStart>());
        Assert.Single(paragraphs[2].Elements<InsertedRun>());
    }

    [Fact]
    public void ValuesAreEscapedAndNeverReadAsTags()
    {
        var template = Create(P("Bilan : {{bilan}}"), P("{{autre}}"));

        var output = RenderValid(template, Data(("bilan", "<w:p><w:r><w:t>injecté</w:t></w:r></w:p> & \"{{autre}}\" \u0001fin"), ("autre", "{{#boucle}}")));

        Assert.Equal(["Bilan : <w:p><w:r><w:t>injecté</w:t></w:r></w:p> & \"{{autre}}\" fin", "{{#boucle}}"], Blocks(output));
        using var document = Open(output);
        Assert.Equal(2, document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Count());
    }

    [Fact]
    public void SectionLoopRepeatsParagraphsAndTablesAndDropsTheTagParagraphs()
    {
        var template = Create(
            P("Avant"),
            P("{{#fiches}}"),
            Styled("Heading2", "Fiche {{numero}} – {{intitule}}"),
            Table(Row("Bilan qualitatif", "{{bilan}}")),
            P("Référent : {{referent}}"),
            P("{{/fiches}}"),
            P("Après"));

        var fiches = Fiches(3).Select((f, i) => new Dictionary<string, object?>(f) { ["referent"] = i == 1 ? null : "DPMIPE" }).ToList();
        var output = RenderValid(template, Data(("fiches", fiches)));

        Assert.Equal(
            [
                "Avant",
                "Fiche 1 – Action 1", "[t] Bilan qualitatif | Bilan 1", "Référent : DPMIPE",
                "Fiche 2 – Action 2", "[t] Bilan qualitatif | Bilan 2", "Référent : ",
                "Fiche 3 – Action 3", "[t] Bilan qualitatif | Bilan 3", "Référent : DPMIPE",
                "Après",
            ],
            Blocks(output));
        using var document = Open(output);
        Assert.All(document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Where(p => p.InnerText.StartsWith("Fiche", StringComparison.Ordinal)), p => Assert.Equal("Heading2", p.ParagraphProperties?.ParagraphStyleId?.Val?.Value));
    }

    [Fact]
    public void APageBreakInTheClosingTagsParagraphComesOnceAfterTheLastItem()
    {
        // docxtemplater's paragraph-loop-with-pagebreak fixture, built again: the page break follows the last item.
        var template = Create(P("{{#liste}}"), P("{{.}}"), P(R("{{/}}"), new Run(new Break { Type = BreakValues.Page })), P("Suite"));

        var three = RenderValid(template, Data(("liste", new List<object?> { "Bar", "John", "Baz" })));
        var none = RenderValid(template, Data(("liste", new List<object?>())));

        Assert.Equal(["Bar", "John", "Baz↵", "Suite"], Blocks(three));
        Assert.Equal(["↵", "Suite"], Blocks(none));
        using var document = Open(three);
        Assert.Single(document.MainDocumentPart!.Document.Descendants<Break>(), b => b.Type?.Value == BreakValues.Page);
    }

    [Fact]
    public void APageBreakInTheOpeningTagsParagraphStartsEveryItem()
    {
        var template = Create(P(new Run(new Break { Type = BreakValues.Page }), R("{{#liste}}")), P("{{.}}"), P("{{/liste}}"));

        var output = RenderValid(template, Data(("liste", new List<object?> { "a", "b" })));

        Assert.Equal(["↵", "a", "↵", "b"], Blocks(output));
    }

    [Fact]
    public void TextAroundTagsOfAParagraphLoopInACellComesOnce()
    {
        var template = Create(Table(Row((object)new OpenXmlElement[] { P("Fiches : {{#liste}}"), P("– {{.}}"), P("{{/liste}} fin") })));

        var output = RenderValid(template, Data(("liste", new List<object?> { "a", "b" })));

        using var document = Open(output);
        var cell = document.MainDocumentPart!.Document.Body!.Descendants<TableCell>().Single();
        Assert.Equal(["Fiches : ", "– a", "", "– b", " fin"], cell.Elements<Paragraph>().Select(Text));
    }

    [Fact]
    public void SectionTagsInAnOuterCellAndANestedTableAreAPositionError()
    {
        // docxtemplater's error-table-tags fixture, built again: refused, as docxtemplater does (loop_position_invalid).
        var template = Create(Table(Row("{{#liste}}", (object)new OpenXmlElement[] { P("XXX"), Table(Row("{{/liste}}", string.Empty)), P() })));

        var error = Assert.Single(Assert.Throws<TemplateException>(() => DocxTemplate.Compile(template)).Errors);

        Assert.Equal("position-boucle-invalide", error.Code);
        Assert.Contains("tableau imbriqué", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARowLoopAroundAnInlineLoopOfOneCellIsRendered()
    {
        // docxtemplater's table-unbalanced-loop fixture, built again: docxtemplater refuses it unless allowUnbalancedLoops
        // is set, then renders exactly this; the inner loop is wholly inside one cell, so the engine renders it.
        var template = Create(Table(Row("{{#a}}X", "{{/a}}{{#b}}Y{{/b}}"), Row("{{#c}}Z{{/c}}")));
        var three = new List<object?> { 1, 2, 3 };

        var output = RenderValid(template, Data(("a", three), ("b", three), ("c", three)));

        Assert.Equal(["[t] X | YYY / X | YYY / X | YYY / ZZZ"], Blocks(output));
    }

    [Fact]
    public void ValueTagsInTheDocumentPropertiesAreReplacedAndSectionTagsThereAreErrors()
    {
        // As docxtemplater's tag-docprops fixture: the title (core.xml), the titles of parts (app.xml) and a custom property.
        static byte[] WithProperties(string title)
        {
            using var stream = new MemoryStream();
            stream.Write(Create(P("{{nom}}")));
            using (var document = WordprocessingDocument.Open(stream, true))
            {
                using (var core = new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>{title}</dc:title><dc:creator>Service &amp; {{{{nom}}}}</dc:creator></cp:coreProperties>")))
                {
                    document.AddCoreFilePropertiesPart().FeedData(core);
                }

                document.AddExtendedFilePropertiesPart().Properties = new DocumentFormat.OpenXml.ExtendedProperties.Properties(
                    new DocumentFormat.OpenXml.ExtendedProperties.TitlesOfParts(new DocumentFormat.OpenXml.VariantTypes.VTVector(new DocumentFormat.OpenXml.VariantTypes.VTLPSTR("Nom : {{nom}}")) { BaseType = DocumentFormat.OpenXml.VariantTypes.VectorBaseValues.Lpstr, Size = 1 }));
                document.AddCustomFilePropertiesPart().Properties = new DocumentFormat.OpenXml.CustomProperties.Properties(
                    new DocumentFormat.OpenXml.CustomProperties.CustomDocumentProperty(new DocumentFormat.OpenXml.VariantTypes.VTLPWSTR("{{annee}}")) { FormatId = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}", PropertyId = 2, Name = "Exercice" });
            }

            return stream.ToArray();
        }

        var output = RenderValid(WithProperties("Rapport d'exécution {{annee}} – {{nom | majuscules}}"), Data(("nom", "Seine-et-Marne <77>"), ("annee", 2022)));
        var broken = Assert.Throws<TemplateException>(() => DocxTemplate.Compile(WithProperties("{{#fiches}}x{{/fiches}}")));

        using var document = Open(output);
        Assert.Equal("Rapport d'exécution 2022 – SEINE-ET-MARNE <77>", document.PackageProperties.Title);
        Assert.Equal("Service & Seine-et-Marne <77>", document.PackageProperties.Creator);
        Assert.Equal("Nom : Seine-et-Marne <77>", document.ExtendedFilePropertiesPart!.Properties.TitlesOfParts!.InnerText);
        Assert.Equal("2022", document.CustomFilePropertiesPart!.Properties.InnerText);
        Assert.Equal(["balise-non-permise", "balise-non-permise"], broken.Errors.Select(e => e.Code));
        Assert.Contains("/docProps/core.xml", broken.Errors[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void OrdinalsMarkedInTheSourceAreSuperscriptInTheTagsFormatting()
    {
        var french = R("{{lang}}", bold: true);
        french.RunProperties!.Append(new Languages { Val = "fr-FR" });
        var template = Create(P(R("Texte : "), R("{{texte}}", bold: true)), P(french), P(R("{{ordinal}}")));

        var output = RenderValid(template, Data(("texte", "Au 1^{er} janvier, 4^{ème} trimestre ; un acteur de 1 ^{er} plan. x^{y"), ("lang", "2^{e}"), ("ordinal", "1^{er}")));

        Assert.Equal(["Texte : Au 1er janvier, 4ème trimestre ; un acteur de 1er plan. x^{y", "2e", "1er"], Blocks(output));
        using var document = Open(output);
        var runs = document.MainDocumentPart!.Document.Body!.Descendants<Run>().Where(r => r.InnerText.Length > 0).ToList();
        var superscript = runs.Where(r => r.RunProperties?.VerticalTextAlignment?.Val?.Value == VerticalPositionValues.Superscript).ToList();
        Assert.Equal(["er", "ème", "er", "e", "er"], superscript.Select(r => r.InnerText));
        // The superscript keeps the tag's own formatting (bold, language).
        Assert.All(superscript.Take(4), r => Assert.NotNull(r.RunProperties!.Bold));
        Assert.Equal("fr-FR", superscript[3].RunProperties!.Languages!.Val!.Value);
    }

    [Fact]
    public void TagsInFieldCodesAndBookmarkNamesGiveEachItemItsOwnPageReference()
    {
        static Run Field(string text, FieldCharValues? kind = null) => kind is { } k ? new Run(new FieldChar { FieldCharType = k }) : new Run(new FieldCode(text) { Space = SpaceProcessingModeValues.Preserve });
        var template = Create(
            P("{{#liste}}"),
            P(R("{{.}} ........ "), Field(string.Empty, FieldCharValues.Begin), Field(" PAGEREF fiche{{.}} \\h "), Field(string.Empty, FieldCharValues.Separate), R("?"), Field(string.Empty, FieldCharValues.End)),
            P("{{/liste}}"),
            P("{{#liste}}"),
            P(new BookmarkStart { Id = "7", Name = "fiche{{.}}" }, R("Fiche {{.}}"), new BookmarkEnd { Id = "7" }),
            P("{{/liste}}"));

        var output = RenderValid(template, Data(("liste", new List<object?> { "a", "b", "c" })));

        using var document = Open(output);
        var body = document.MainDocumentPart!.Document.Body!;
        Assert.Equal([" PAGEREF fichea \\h ", " PAGEREF ficheb \\h ", " PAGEREF fichec \\h "], body.Descendants<FieldCode>().Select(c => string.Concat(c.Parent!.Parent!.Descendants<FieldCode>().Select(f => f.Text))).Distinct());
        var starts = body.Descendants<BookmarkStart>().ToList();
        Assert.Equal(["fichea", "ficheb", "fichec"], starts.Select(b => b.Name!.Value));
        Assert.Equal(3, starts.Select(b => b.Id!.Value).Distinct().Count());
        Assert.Equal(starts.Select(b => b.Id!.Value), body.Descendants<BookmarkEnd>().Select(b => b.Id!.Value));
        Assert.Throws<TemplateException>(() => DocxTemplate.Compile(Create(P(Field(" PAGEREF {{#liste}}x{{/liste}} ")))));
    }

    [Fact]
    public void LoopTagsInDifferentCellsRepeatTheRow()
    {
        var template = Create(Table(
            Row("Ligne", "Montant"),
            Row("{{#lignes}}{{libelle}}", "{{montant | euros}}{{/lignes}}"),
            Row("Total", "{{total | euros}}")));

        var output = RenderValid(template, Data(("lignes", new List<object?> { Data(("libelle", "A"), ("montant", 839_727m)), Data(("libelle", "B"), ("montant", 1_000m)) }), ("total", 840_727m)));

        Assert.Equal(["[t] Ligne | Montant / A | 839\u00A0727\u00A0€ / B | 1\u00A0000\u00A0€ / Total | 840\u00A0727\u00A0€"], Blocks(output));
    }

    [Fact]
    public void LoopOverSeveralRowsRepeatsTheGroupWithANestedRowLoop()
    {
        var template = Create(Table(
            Row("Mesure", "Montant"),
            Row("{{#engagements}}{{titre}}", string.Empty),
            Row("{{#lignes}}{{libelle}}", "{{montant | euros}}{{/lignes}}"),
            Row("Sous-total", "{{sousTotal | euros}}{{/engagements}}")));

        var engagements = new List<object?>
        {
            Data(("titre", "Engagement 1"), ("sousTotal", 3m), ("lignes", new List<object?> { Data(("libelle", "F1"), ("montant", 1m)), Data(("libelle", "F2"), ("montant", 2m)) })),
            Data(("titre", "Engagement 2"), ("sousTotal", 0m), ("lignes", new List<object?>())),
        };
        var output = RenderValid(template, Data(("engagements", engagements)));

        Assert.Equal(["[t] Mesure | Montant / Engagement 1 |  / F1 | 1\u00A0€ / F2 | 2\u00A0€ / Sous-total | 3\u00A0€ / Engagement 2 |  / Sous-total | 0\u00A0€"], Blocks(output));
    }

    [Fact]
    public void RowLoopInsideATableInsideASectionLoop()
    {
        var template = Create(
            P("{{#fiches}}"),
            P("Fiche {{numero}}"),
            Table(
                Row("Ligne", "Montant"),
                Row("{{#lignes}}{{libelle}} (fiche {{numero}})", "{{montant | euros}}{{/lignes}}")),
            P("{{/fiches}}"));

        var output = RenderValid(template, Data(("fiches", Fiches(2))));

        Assert.Equal(
            [
                "Fiche 1", "[t] Ligne | Montant / L1a (fiche 1) | 1\u00A0000\u00A0€ / L1b (fiche 1) | 10\u00A0€",
                "Fiche 2", "[t] Ligne | Montant / L2a (fiche 2) | 2\u00A0000\u00A0€ / L2b (fiche 2) | 20\u00A0€",
            ],
            Blocks(output));
    }

    [Fact]
    public void ConditionsAndNegationsLeaveNoEmptyParagraph()
    {
        var template = Create(
            P("Début"),
            P("{{#aBilan}}"),
            P("Bilan : {{bilan}}"),
            P("{{/aBilan}}"),
            P("{{^aBilan}}"),
            P("Aucun bilan n'a été transmis."),
            P("{{/aBilan}}"),
            P("{{#depassement}}Dépassement de {{depassement | euros}}{{/depassement}}"),
            P("Consommé{{#aBudget}} ({{taux | pourcent}}){{/aBudget}}{{^aBudget}} (aucun budget prévu){{/aBudget}}."),
            P("Fin"));

        var with = RenderValid(template, Data(("aBilan", true), ("bilan", "fait"), ("depassement", 454m), ("aBudget", true), ("taux", 0.521305m)));
        var without = RenderValid(template, Data(("aBilan", false), ("bilan", null), ("depassement", 0m), ("aBudget", false), ("taux", null)));

        Assert.Equal(["Début", "Bilan : fait", "Dépassement de 454\u00A0€", "Consommé (52,1\u00A0%).", "Fin"], Blocks(with));
        Assert.Equal(["Début", "Aucun bilan n'a été transmis.", "Consommé (aucun budget prévu).", "Fin"], Blocks(without));
    }

    [Fact]
    public void RowConditionShowsOrRemovesTheRowAndAnEmptyTableDisappears()
    {
        var template = Create(
            Table(Row("Toujours", "x"), Row("{{#alerte}}Alerte", "{{message}}{{/alerte}}")),
            P("Entre"),
            Table(Row("{{#lignes}}{{.}}", "{{/lignes}}")));

        var output = RenderValid(template, Data(("alerte", false), ("message", "m"), ("lignes", new List<object?>())));

        Assert.Equal(["[t] Toujours | x", "Entre"], Blocks(output));
    }

    [Fact]
    public void InnerScopesResolveFirstThenOuterOnes()
    {
        var template = Create(P("{{#fiches}}"), P("{{numero}} {{annee}} {{#lignes}}[{{libelle}} {{numero}} {{intitule}}]{{/lignes}}"), P("{{/fiches}}"));

        var output = RenderValid(template, Data(("annee", 2022), ("numero", "racine"), ("fiches", Fiches(1))));

        Assert.Equal(["1 2022 [L1a 1 Action 1][L1b 1 Action 1]"], Blocks(output));
    }

    [Fact]
    public void ObjectSectionPushesItsScopeAndDotIsTheCurrentItem()
    {
        var template = Create(P("{{#objectif}}Objectif {{numero}} : {{libelle}}{{/objectif}}"), P("{{#mois}}{{.}} {{/mois}}"));

        var output = RenderValid(template, Data(("objectif", Data(("numero", 1), ("libelle", "EPP"))), ("mois", new List<object?> { "janvier", "octobre" })));

        Assert.Equal(["Objectif 1 : EPP", "janvier octobre "], Blocks(output));
    }

    [Fact]
    public void MultiLineValueAloneInItsParagraphBecomesParagraphsElseLineBreaks()
    {
        var template = Create(Styled("Quote", "{{bilan}}"), P("Note : {{bilan}}"));

        var output = RenderValid(template, Data(("bilan", "Première ligne\n\n- seconde\tavec tabulation\r\ntroisième")));

        Assert.Equal(["Première ligne", "- seconde→avec tabulation", "troisième", "Note : Première ligne↵↵- seconde→avec tabulation↵troisième"], Blocks(output));
        using var document = Open(output);
        Assert.Equal(3, document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Count(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Quote"));
    }

    [Fact]
    public void HeadersAreTemplatedToo()
    {
        var template = Create([P("Corps {{annee}}")], new Header(P("Rapport d'exécution {{annee}} – {{departement}}")));

        var output = RenderValid(template, Data(("annee", 2022), ("departement", "77")));

        using var document = Open(output);
        Assert.Equal("Rapport d'exécution 2022 – 77", document.MainDocumentPart!.HeaderParts.Single().Header.InnerText);
    }
}
