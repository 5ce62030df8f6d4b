using System.Text;
using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Tests.Consolidation;

public sealed class SnapshotCsvTests
{
    [Fact]
    public void RatesAreWrittenAsThePercentagesUsersReadAndCountsAsThemselves()
    {
        SnapshotEntity[] rows =
        [
            new() { Code = "TX", Label = "Taux d'IP évaluées", Month = "2022-06", Value = 0.039739, IsPercent = true, Target = 0.5, Status = "en retard", Reliable = true, Revision = 1 },
            new() { Code = "NB", Label = "Enfants accueillis", Month = "2022-06", Value = 1234.5, Target = 1000, Status = "atteint", Reliable = true, Revision = 2 },
        ];

        var text = Encoding.UTF8.GetString(SnapshotCsv.Write(rows)[3..]);

        Assert.Contains("TX;Taux d'IP évaluées;2022-06;3,9739;%;50;en retard;oui;;1\r\n", text, StringComparison.Ordinal);
        Assert.Contains("NB;Enfants accueillis;2022-06;1234,5;nombre;1000;atteint;oui;;2\r\n", text, StringComparison.Ordinal);
    }
}
