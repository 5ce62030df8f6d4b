using Cdppe.Pipeline.Ingestion.Messages;
using Cdppe.Pipeline.Model;

namespace Cdppe.Tests.Model;

public sealed class ContractModelTests
{
    private static readonly DateTimeOffset Day = new(2023, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static ContractPlan Plan(string kind, int[] years, string id, int day = 0) => new()
    {
        Kind = kind,
        Years = years,
        IngestionId = id,
        FileName = id + ".xlsx",
        Sheet = "Feuil1",
        ReceivedAt = Day.AddDays(day),
    };

    [Fact]
    public void PlanDActionAndAnnexesGiveTheContractAndItsAvenantWhateverTheOrderOfDrops()
    {
        var plans = new[]
        {
            Plan("annexe-2-1", [2024], "annexe-2024", 2),
            Plan("plan-action", [2020, 2021, 2022], "plan", 0),
            Plan("annexe-2-1", [2023, 2024], "annexe-2023", 3),
            Plan("synthese-objectifs", [2020, 2021, 2022], "synthese", 1),
        };

        var contracts = ContractModel.Derive(plans);

        Assert.Equal(["Contrat 2020-2022", "Avenant 2023-2024"], contracts.Select(c => c.Name));
        Assert.Equal(["plan", "synthese"], contracts[0].Plans.Select(p => p.IngestionId));
        Assert.Equal(["annexe-2023", "annexe-2024"], contracts[1].Plans.Select(p => p.IngestionId));
        Assert.Equal("annexe-2024", contracts[1].PlanFor(2024, "annexe-2-1")!.IngestionId);
        Assert.Equal("annexe-2023", contracts[1].PlanFor(2023, "annexe-2-1")!.IngestionId);
        Assert.Equal("Contrat 2020-2022", ContractModel.InForce(contracts, 2022)!.Name);
        Assert.Equal("Avenant 2023-2024", ContractModel.InForce(contracts, 2023)!.Name);
        Assert.Null(ContractModel.InForce(contracts, 2025));
    }

    [Fact]
    public void WithoutTheAnnexeOf2024TheAnnexeOf2023DetailsItsNextYear()
    {
        var contract = Assert.Single(ContractModel.Derive([Plan("annexe-2-1", [2023, 2024], "annexe-2023")]));

        Assert.Equal(("Avenant 2023-2024", "annexe-2023"), (contract.Name, contract.PlanFor(2024, "annexe-2-1")!.IngestionId));
        Assert.Equal("Avenant 2024", Assert.Single(ContractModel.Derive([Plan("annexe-2-1", [2024], "seule")])).Name);
    }

    [Fact]
    public void ACorrectedPlanReplacesTheSameYearsPlanAndNeverAnotherYears()
    {
        var existing = ContractModel.Derive([Plan("annexe-2-1", [2023, 2024], "annexe-2023"), Plan("plan-action", [2020, 2021, 2022], "plan")]);

        var corrected = ContractModel.Attach(existing, [Plan("annexe-2-1", [2023, 2024], "annexe-2023-corrigee", 5)]);
        var next = ContractModel.Attach(corrected.Contracts, [Plan("annexe-2-1", [2024], "annexe-2024", 6)]);

        Assert.Empty(corrected.Changes);
        Assert.Equal(["annexe-2023-corrigee"], corrected.Contracts.Single(c => c.Shape == ContractShape.Avenant).Plans.Select(p => p.IngestionId));
        Assert.Empty(next.Changes);
        Assert.Equal(["annexe-2023-corrigee", "annexe-2024"], next.Contracts.Single(c => c.Shape == ContractShape.Avenant).Plans.Select(p => p.IngestionId));
        Assert.Equal(["plan"], next.Contracts.Single(c => c.Shape == ContractShape.Contrat).Plans.Select(p => p.IngestionId));
        Assert.Equal("Avenant 2023-2024", Assert.Single(next.AttachedTo).Name);
    }

    [Fact]
    public void AnOverlappingPeriodIsAWarningAndTheContractRecordedFirstKeepsTheSharedYears()
    {
        var existing = ContractModel.Derive([Plan("plan-action", [2020, 2021, 2022], "plan")]);

        var attachment = ContractModel.Attach(existing, [Plan("annexe-2-1", [2022, 2023], "annexe-2022", 4)]);

        var change = Assert.Single(attachment.Changes);
        var warning = IngestionMessages.ContractPeriod(change, "Annexe").Message;
        Assert.Equal(("Contrat 2020-2022", "Avenant 2022-2023", "Contrat 2020-2022"), (change.Overlapped?.Name, change.Contract.Name, change.InForce?.Name));
        Assert.Equal([2022], change.SharedYears);
        Assert.Equal("La période 2022-2023 de ce plan chevauche celle de « Contrat 2020-2022 » (plan.xlsx) : pour 2022, le plan en vigueur reste celui de « Contrat 2020-2022 ». Corrigez les années du plan qui ne convient pas et déposez-le à nouveau.", warning);
        Assert.Equal("Contrat 2020-2022", ContractModel.InForce(attachment.Contracts, 2022)!.Name);
        Assert.Equal("Avenant 2022-2023", ContractModel.InForce(attachment.Contracts, 2023)!.Name);
    }

    [Fact]
    public void APlanBeyondItsContractsPeriodExtendsItWithAWarning()
    {
        var existing = ContractModel.Derive([Plan("annexe-2-1", [2023, 2024], "annexe-2023")]);

        var attachment = ContractModel.Attach(existing, [Plan("annexe-2-1", [2024, 2025], "annexe-2024", 4)]);

        var change = Assert.Single(attachment.Changes);
        Assert.Equal(("Avenant 2023-2024", "Avenant 2023-2025"), (change.Previous?.Name, change.Contract.Name));
        Assert.Equal("Ce plan (2024-2025) dépasse la période de « Avenant 2023-2024 » (annexe-2023.xlsx) : elle devient 2023-2025. S'il relève d'un nouveau contrat, vérifiez ses années.", IngestionMessages.ContractPeriod(change, "Annexe").Message);
        Assert.Equal("Avenant 2023-2025", Assert.Single(attachment.Contracts).Name);
    }
}
