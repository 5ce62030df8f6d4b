using Cdppe.Pipeline.Reporting.Templating;

namespace Cdppe.Tests.Reporting.Templating;

/// <summary>Small cases per stage: the lexer on joined paragraph text, the tag parser, the filters.</summary>
public sealed class TemplateStageTests
{
    private static readonly TemplateLocation Here = new("/word/document.xml", 1, "test");

    [Theory]
    [InlineData("a {{b}} c", "{{b}}", "")]
    [InlineData("{{a}}{{b}}", "{{a}},{{b}}", "")]
    [InlineData("{{ montant | euros }}", "{{ montant | euros }}", "")]
    [InlineData("texte {seul} et { {x} }", "", "")]
    [InlineData("{{a", "", "delimiteur-non-ferme")]
    [InlineData("a}} b", "", "delimiteur-non-ouvert")]
    [InlineData("{{a {{b}}", "{{b}}", "delimiteur-non-ferme")]
    [InlineData("{{a}}}", "{{a}}", "")]
    public void LexerFindsTagsInJoinedText(string text, string expectedTags, string expectedError)
    {
        var errors = new List<LexError>();

        var tags = TemplateLexer.Scan(text, errors);

        Assert.Equal(expectedTags, string.Join(',', tags.Select(t => t.Raw)));
        Assert.Equal(expectedError, string.Join(',', errors.Select(e => e.Code)));
        Assert.All(tags, t => Assert.Equal(t.Raw, text[t.Start..t.End]));
    }

    [Theory]
    [InlineData("annee", TagKind.Value, "annee", "")]
    [InlineData(" departement.nom ", TagKind.Value, "departement.nom", "")]
    [InlineData("#fiches", TagKind.Section, "fiches", "")]
    [InlineData("^ aBilan", TagKind.Inverted, "aBilan", "")]
    [InlineData("/fiches", TagKind.Close, "fiches", "")]
    [InlineData("/", TagKind.Close, ".", "")]
    [InlineData(".", TagKind.Value, ".", "")]
    [InlineData("%graphiqueBudget", TagKind.Chart, "graphiqueBudget", "")]
    [InlineData("montant | euros", TagKind.Value, "montant", "euros")]
    [InlineData("taux|pourcent:0", TagKind.Value, "taux", "pourcent:0")]
    [InlineData("referent | sinon:\"non renseigné\" | majuscules", TagKind.Value, "referent", "sinon:non renseigné,majuscules")]
    [InlineData("referent | sinon:« à venir »", TagKind.Value, "referent", "sinon:à venir")]
    [InlineData("date | date:court", TagKind.Value, "date", "date:court")]
    public void ParserReadsKindPathAndFilters(string content, TagKind kind, string path, string filters)
    {
        var errors = new List<TemplateError>();

        var tag = TagParser.Parse("{{" + content + "}}", content, Here, 0, errors);

        Assert.Empty(errors);
        Assert.NotNull(tag);
        Assert.Equal(kind, tag.Kind);
        Assert.Equal(path, tag.PathText);
        Assert.Equal(filters, string.Join(',', tag.Filters.Select(f => f.Argument is null ? f.Name : f.Name + ":" + f.Argument)));
    }

    [Theory]
    [InlineData("", "balise-vide")]
    [InlineData("   ", "balise-vide")]
    [InlineData("a b", "balise-invalide")]
    [InlineData("a..b", "balise-invalide")]
    [InlineData("x | inconnu", "filtre-inconnu")]
    [InlineData("x | euros:douze", "filtre-invalide")]
    [InlineData("x | date:hier", "filtre-invalide")]
    [InlineData("x | sinon", "filtre-invalide")]
    [InlineData("#a | euros", "balise-invalide")]
    [InlineData("x.Method()", "balise-invalide")]
    [InlineData("#", "balise-invalide")]
    public void ParserRejectsMalformedTagsWithACode(string content, string code)
    {
        var errors = new List<TemplateError>();

        var tag = TagParser.Parse("{{" + content + "}}", content, Here, 0, errors);

        Assert.Null(tag);
        var error = Assert.Single(errors);
        Assert.Equal(code, error.Code);
        Assert.Equal("{{" + content + "}}", error.Tag);
        Assert.Same(Here, error.Location);
    }

    [Theory]
    [InlineData("euros", null, 839727, "839\u00A0727\u00A0€")]
    [InlineData("euros", null, 1027000.4, "1\u00A0027\u00A0000\u00A0€")]
    [InlineData("euros", null, -454, "-454\u00A0€")]
    [InlineData("euros", "2", 12.5, "12,50\u00A0€")]
    [InlineData("pourcent", null, 0.521305, "52,1\u00A0%")]
    [InlineData("pourcent", "0", 0.521305, "52\u00A0%")]
    [InlineData("pourcent", "2", 0.029, "2,90\u00A0%")]
    [InlineData("nombre", null, 6322, "6\u00A0322")]
    [InlineData("nombre", "1", 2.95, "3,0")]
    [InlineData("majuscules", null, "dpmipe", "DPMIPE")]
    [InlineData("minuscules", null, "PLF", "plf")]
    [InlineData("sinon", "non renseigné", null, "non renseigné")]
    [InlineData("sinon", "non renseigné", "", "non renseigné")]
    [InlineData("sinon", "non renseigné", "DPEF", "DPEF")]
    [InlineData("euros", null, null, "")]
    public void FiltersFormatInFrench(string name, string? argument, object? value, string expected)
    {
        var result = TemplateFilters.Apply(new FilterCall(name, argument), value is double d ? (decimal)d : value, out var problem);

        Assert.Null(problem);
        Assert.Equal(expected, TemplateFilters.Display(result));
    }

    [Theory]
    [InlineData(null, "25 novembre 2026")]
    [InlineData("long", "25 novembre 2026")]
    [InlineData("court", "25/11/2026")]
    [InlineData("mois", "novembre 2026")]
    [InlineData("annee", "2026")]
    public void DateFilterHasFrenchStyles(string? style, string expected)
    {
        Assert.Equal(expected, TemplateFilters.Apply(new FilterCall("date", style), new DateOnly(2026, 11, 25), out _));
        Assert.Equal(expected, TemplateFilters.Apply(new FilterCall("date", style), "2026-11-25", out _));
    }

    [Fact]
    public void NumberFilterOnTextIsATypeProblem()
    {
        Assert.Null(TemplateFilters.Apply(new FilterCall("euros", null), "NC", out var problem));
        Assert.Contains("attend un nombre", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData("", false)]
    [InlineData("x", true)]
    [InlineData(0, false)]
    [InlineData(3, true)]
    public void TruthinessOfSections(object? value, bool expected) => Assert.Equal(expected, TemplateFilters.IsTruthy(value));
}
