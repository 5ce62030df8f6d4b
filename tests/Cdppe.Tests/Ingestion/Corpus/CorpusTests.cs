using Azure.Data.Tables;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Cdppe.Samples;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Ingestion.Corpus;

/// <summary>
/// Every sample file of the repository (samples/, good and bad), read as users drop it: each loads with the expected
/// kinds, row counts and issues; each bad one gives its precise French error, is archived and kept in rejected/
/// (with an annotated copy when it is a readable workbook), stores nothing, and the service keeps running.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CorpusTests(AzuriteFixture azurite)
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "corpus");

    internal static readonly Dictionary<string, Expected> Expectations = new()
    {
        ["rapport-financier-2022.xlsx"] = Good(["rapport-financier"], 47, ("consomme-superieur-prevu", 2), ("total-incoherent", 4)),
        ["suivi-mensuel-2022.xlsx"] = Good(["suivi-mensuel"], 88),
        ["plan-action-2020-2022.xlsx"] = Good(["plan-action"], 234, ("indicateur-sans-libelle", 1), ("nature-incoherente", 2), ("cofinancement-source", 1), ("total-absent", 2), ("annees-total", 1)),
        ["synthese-objectifs-2020-2022.xlsx"] = Good(["synthese-objectifs"], 27),
        ["tableau-de-bord-2020.xlsx"] = Good(["tableau-de-bord"], 70, ("plusieurs-valeurs", 6)),
        ["bilans-fiches-2022.xlsx"] = Good(["bilans-fiches"], 41, ("pourcentage-incoherent", 2), ("plusieurs-objectifs", 2), ("consomme-superieur-prevu", 1)),
        ["annexe-2-1-2023-2024.xlsx"] = Good(["annexe-2-1"], 16),
        ["annexe-2-1-2024.xlsx"] = Good(["annexe-2-1"], 16),
        ["rapport-financier-2023-actions.xlsx"] = Good(["rapport-financier"], 17),
        ["variantes/annexe-2-1-2023-mise-en-page-etat.xlsx"] = Good(["annexe-2-1"], 16),
        ["plan-complet-2020-2022.xlsx"] = Good(["plan-action", "synthese-objectifs", "tableau-de-bord", null], 331, ("indicateur-sans-libelle", 1), ("nature-incoherente", 2), ("cofinancement-source", 1), ("total-absent", 2), ("annees-total", 1), ("plusieurs-valeurs", 6), ("feuille-inconnue", 1)),
        ["variantes/plan-action-sans-ligne-de-groupe.xlsx"] = Good(["plan-action"], 234, ("indicateur-sans-libelle", 1), ("nature-incoherente", 2), ("cofinancement-source", 1), ("total-absent", 2), ("annees-total", 1)),
        ["variantes/suivi-mensuel-dates-1904.xlsx"] = Good(["suivi-mensuel"], 36),
        ["variantes/bilans-et-rapport-financier.xlsx"] = Good(["rapport-financier", "bilans-fiches"], 88, ("consomme-superieur-prevu", 3), ("total-incoherent", 4), ("pourcentage-incoherent", 2), ("plusieurs-objectifs", 2)),

        ["bad/pas-un-classeur.xlsx"] = Bad([], "classeur-illisible", null, null, "ce n'est pas une archive zip valide"),
        ["bad/pdf-renomme.xlsx"] = Bad([], "classeur-illisible", null, null, "ce n'est pas une archive zip valide"),
        ["bad/zip-tronque.xlsx"] = Bad([], "classeur-illisible", null, null, "ce n'est pas une archive zip valide"),
        ["bad/document-word.xlsx"] = Bad([], "classeur-illisible", null, null, "le paquet Open XML est invalide ou incomplet"),
        ["bad/bombe-de-decompression.xlsx"] = Bad([], "classeur-illisible", null, null, "bombe de décompression"),
        ["bad/notes.txt"] = Bad([], "chemin-invalide", null, null, "Seuls les classeurs Excel (.xlsx, .xls) et LibreOffice Calc (.ods) sont acceptés."),
        ["bad/classeur-vide.xlsx"] = Bad([null], "aucune-feuille-reconnue", null, null, "Aucune feuille du classeur n'a été reconnue", ("feuille-vide", 1)),
        ["bad/en-tetes-inconnus.xlsx"] = Bad([null], "aucune-feuille-reconnue", null, null, "Aucune feuille du classeur n'a été reconnue", ("feuille-inconnue", 1)),
        ["bad/seule-feuille-masquee.xlsx"] = Bad([null, null], "aucune-feuille-reconnue", null, null, "Aucune feuille du classeur n'a été reconnue", ("feuille-masquee", 1), ("feuille-inconnue", 1)),
        ["bad/colonnes-hors-limite.xlsx"] = Bad([], "classeur-illisible", "Large", "SS1", "au-delà de la colonne SR (limite 512 colonnes)"),
        ["bad/plan-action-fiche-en-double.xlsx"] = Bad(["plan-action"], "fiche-en-double", "Plan d'action", "A7", "La fiche action n° 2 apparaît deux fois dans le plan d'action (première fois en A5)."),
        ["bad/plan-action-montant-negatif.xlsx"] = Bad(["plan-action"], "montant-negatif", "Plan d'action", "M4", "Le montant masse salariale 2020 de la fiche 1 est négatif."),
        ["bad/plan-action-montant-texte.xlsx"] = Bad(["plan-action"], "montant-illisible", "Plan d'action", "L5", "Le montant total prévu de la fiche 2 n'est pas un nombre."),
        ["bad/plan-action-ref.xlsx"] = Bad(["plan-action"], "formule-en-erreur", "Plan d'action", "N6", "contient une erreur de formule"),
        ["bad/plan-action-montant-enorme.xlsx"] = Bad(["plan-action"], "montant-hors-limite", "Plan d'action", "Q4", "dépasse 1 000 milliards d'euros"),
        ["bad/plan-action-montant-sans-fiche.xlsx"] = Bad(["plan-action"], "montant-sans-fiche", "Plan d'action", "L6", "12 montants sont saisis sur une ligne sans numéro de fiche"),
        ["bad/plan-action-sans-annees.xlsx"] = Bad(["plan-action"], "annee-introuvable", "Plan d'action", "F2", "Impossible de déterminer les années du plan d'action"),
        ["bad/rapport-financier-fiche-en-double.xlsx"] = Bad(["rapport-financier"], "fiche-en-double", "Rapport financier", "C9", "La fiche action n° 4 apparaît deux fois dans le rapport financier (première fois en C8).", ("consomme-superieur-prevu", 2)),
        ["bad/rapport-financier-sans-annee.xlsx"] = Bad(["rapport-financier"], "annee-introuvable", "Rapport financier", "K2", "« Budget consommé en 2022 »"),
        ["bad/rapport-financier-div0.xlsx"] = Bad(["rapport-financier"], "formule-en-erreur", "Rapport financier", "K6", "contient une erreur de formule", ("consomme-superieur-prevu", 2)),
        ["bad/tableau-de-bord-ref.xlsx"] = Bad(["tableau-de-bord"], "formule-en-erreur", "Tableau de bord", "F10", "La cellule de la valeur cible 2021 contient une erreur de formule.", ("plusieurs-valeurs", 6)),
        ["bad/tableau-de-bord-valeur-negative.xlsx"] = Bad(["tableau-de-bord"], "valeur-negative", "Tableau de bord", "D8", "La valeur de diagnostic ne peut pas être négative.", ("plusieurs-valeurs", 6)),
        ["bad/tableau-de-bord-sans-annees.xlsx"] = Bad(["tableau-de-bord"], "annee-introuvable", "Tableau de bord", "E3", "écrivez les années"),
        ["bad/bilans-fiche-en-double.xlsx"] = Bad(["bilans-fiches"], "fiche-en-double", "Bilans des fiches", "A9", "La fiche action n° 3 apparaît deux fois dans la feuille des bilans (première fois en A6)."),
        ["bad/bilans-numero-illisible.xlsx"] = Bad(["bilans-fiches"], "fiche-invalide", "Bilans des fiches", "A6", "Le numéro de fiche action doit être un entier de 1 à 999."),
        ["bad/bilans-sans-annee.xlsx"] = Bad(["bilans-fiches"], "annee-introuvable", "Bilans des fiches", "K3", "« Bilan qualitatif au 31/12/2022 »"),
        ["bad/bilans-moyens-negatifs.xlsx"] = Bad(["bilans-fiches"], "montant-negatif", "Bilans des fiches", "I5", "Le montant des moyens prévisionnels de la fiche 2 est négatif."),
        ["bad/annexe-objectif-invalide.xlsx"] = Bad(["annexe-2-1"], "objectif-invalide", "Plan d'action", "B9", "Le numéro d'objectif doit être un entier de 1 à 26."),
        ["bad/annexe-montant-negatif.xlsx"] = Bad(["annexe-2-1"], "montant-negatif", "Plan d'action", "G8", "Le montant État de l'objectif 2 est négatif."),
        ["bad/synthese-montant-texte.xlsx"] = Bad(["synthese-objectifs"], "montant-illisible", "Synthèse par objectif", "G5", "Le montant Département de l'objectif 1 n'est pas un nombre."),
        ["bad/suivi-periode-illisible.xlsx"] = Bad(["suivi-mensuel"], "periode-illisible", "Suivi", "C2", "La période n'est pas un mois reconnu."),
        ["bad/suivi-valeur-en-double.xlsx"] = Bad(["suivi-mensuel"], "valeur-en-double", "Suivi", "D3", "a déjà une valeur pour 2022-06 (cellule D2)"),
        ["bad/suivi-valeur-negative.xlsx"] = Bad(["suivi-mensuel"], "valeur-negative", "Suivi", "D2", "ne peut pas être négative"),
    };

    public static TheoryData<string> Files => [.. Expectations.Keys];

    [Fact]
    public void CorpusHoldsEveryGeneratedSampleAndEveryFileHasItsExpectation()
    {
        var onDisk = Directory.GetFiles(Folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(SampleCorpus.Files.Select(f => f.Path).Order(StringComparer.Ordinal), onDisk);
        Assert.Equal(Expectations.Keys.Order(StringComparer.Ordinal), onDisk);
        Assert.True(Expectations.Count(e => e.Key.StartsWith("bad/", StringComparison.Ordinal)) >= 25);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EachSampleLoadsWithItsKindsCountsAndIssues(string file)
    {
        var expected = Expectations[file];
        var bytes = File.ReadAllBytes(Path.Combine(Folder, file));
        if (expected.Error?.Code == "chemin-invalide")
        {
            Assert.Equal(expected.Error.Text, UploadPath.TryParse("77/" + Path.GetFileName(file), out var pathError) is null ? pathError : null);
            return;
        }

        AssertReadAsExpected(bytes, expected);
    }

    /// <summary>The kinds, row count or single error, and warnings a file must give when parsed.</summary>
    internal static void AssertReadAsExpected(byte[] bytes, Expected expected)
    {
        var content = new WorkbookParser().Parse(new MemoryStream(bytes));

        Assert.Equal(expected.Kinds, content.Sheets.Select(s => s.Kind));
        var errors = content.Issues.All.Where(i => i.Severity == Severity.Error).ToList();
        if (expected.Error is { } error)
        {
            var single = Assert.Single(errors);
            Assert.Equal((error.Code, error.Sheet, error.Cell), (single.Code, single.Sheet, single.Cell));
            Assert.Contains(error.Text, single.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Empty(errors);
            Assert.Equal(expected.Items, content.ItemCount);
        }

        var warnings = content.Issues.All.Where(i => i.Severity == Severity.Warning).GroupBy(i => i.Code).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected.Warnings.OrderBy(w => w.Key, StringComparer.Ordinal), warnings.OrderBy(w => w.Key, StringComparer.Ordinal));
        Assert.All(content.Issues.All.Where(i => i.Severity != Severity.Info), i => Assert.False(string.IsNullOrWhiteSpace(i.Message)));
    }

    [Fact]
    public async Task EveryBadFileIsRejectedArchivedAndKeptAndTheServiceGoesOn()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next().Code;

        foreach (var (file, expected) in Expectations.Where(e => e.Value.Error is not null))
        {
            var bytes = File.ReadAllBytes(Path.Combine(Folder, file));
            var name = Path.GetFileName(file);

            var result = await services.DropAndIngestAsync(dep, name, bytes);

            Assert.True(result.Status == IngestionStatus.Rejected, file);
            Assert.Contains(result.Issues, i => i.Severity == Severity.Error && i.Code == expected.Error!.Code && i.Cell == expected.Error.Cell);
            var partition = result.Partition;
            var archived = await services.Storage.Archive.GetBlobClient($"{partition}/{result.IngestionId}.xlsx").DownloadContentAsync();
            Assert.Equal(bytes, archived.Value.Content.ToArray());
            Assert.True(await services.Storage.Rejected.GetBlobClient($"{partition}/{result.IngestionId}/{name}").ExistsAsync(), file);
            Assert.True(await services.Storage.Rejected.GetBlobClient($"{partition}/{result.IngestionId}/rapport.json").ExistsAsync(), file);
            var readable = expected.Error!.Code != "chemin-invalide" && !(expected.Error.Code == "classeur-illisible" && expected.Error.Sheet is null);
            Assert.True(readable == await services.Storage.Rejected.GetBlobClient($"{partition}/{result.IngestionId}/{RejectedStore.AnnotatedPrefix}{name}").ExistsAsync(), file);
        }

        foreach (var table in new[] { TableNames.BudgetLines, TableNames.IndicatorValues, TableNames.Fiches, TableNames.IndicatorSources, TableNames.PlannedFunding, TableNames.Objectives })
        {
            Assert.Empty(await WorkbookIngestorTests.Rows<TableEntity>(services, table, dep));
        }

        var records = await WorkbookIngestorTests.Rows<TableEntity>(services, TableNames.Ingestions, dep);
        Assert.Equal(Expectations.Count(e => e.Value.Error is not null && e.Value.Error.Code != "chemin-invalide"), records.Count);
        Assert.All(records, r => Assert.Equal("rejected", r.GetString("Status")));

        // Still running: a good workbook dropped after all of them is accepted.
        var good = await services.DropAndIngestAsync(dep, "bilans.xlsx", File.ReadAllBytes(Path.Combine(Folder, "bilans-fiches-2022.xlsx")));
        Assert.Equal(IngestionStatus.Accepted, good.Status);
    }

    [Fact]
    public async Task EveryGoodSampleIsAcceptedInOneDepartement()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next().Code;

        foreach (var file in Expectations.Where(e => e.Value.Error is null).Select(e => e.Key))
        {
            var result = await services.DropAndIngestAsync(dep, Path.GetFileName(file), File.ReadAllBytes(Path.Combine(Folder, file)));

            Assert.True(result.Status == IngestionStatus.Accepted, $"{file}: {string.Join("\n", result.Issues.Where(i => i.Severity == Severity.Error))}");
        }

        var records = await WorkbookIngestorTests.Records(services, dep);
        Assert.Equal(Expectations.Count(e => e.Value.Error is null), records.Count);
    }

    private static Expected Good(string?[] kinds, int items, params (string Code, int Count)[] warnings) =>
        new(kinds, items, null, warnings.ToDictionary(w => w.Code, w => w.Count));

    private static Expected Bad(string?[] kinds, string code, string? sheet, string? cell, string text, params (string Code, int Count)[] warnings) =>
        new(kinds, 0, new ExpectedError(code, sheet, cell, text), warnings.ToDictionary(w => w.Code, w => w.Count));

    internal sealed record ExpectedError(string Code, string? Sheet, string? Cell, string Text);

    internal sealed record Expected(IReadOnlyList<string?> Kinds, int Items, ExpectedError? Error, Dictionary<string, int> Warnings);
}
