using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>How ingestions share the host (section <c>Cdppe:Ingestion</c>), the same in both hosts.</summary>
public sealed class IngestionOptions
{
    public const string Section = "Cdppe:Ingestion";

    /// <summary>
    /// Départements whose files the standalone blob watcher ingests at once; the files of one département are always
    /// ingested one at a time, in the order they were dropped.
    /// </summary>
    public int MaxParallelDepartements { get; set; } = 4;

    /// <summary>
    /// Longest the reading of one file (opening, parsing and validating its sheets) may take; past it the file is
    /// refused on its first attempt, with a French message naming the limit, and nothing of it is stored.
    /// </summary>
    public double TimeBudgetSeconds { get; set; } = 120;

    public TimeSpan TimeBudget => TimeSpan.FromSeconds(TimeBudgetSeconds);

    public bool IsValid => MaxParallelDepartements is >= 1 and <= 64 && TimeBudgetSeconds is > 0 and <= 3_600;

    /// <summary>The refusal of a file whose reading ran past <see cref="TimeBudgetSeconds"/>, in French.</summary>
    public string TimeBudgetMessage() =>
        $"Le classeur n'a pas pu être lu en {Seconds()} (limite de temps par fichier) : il est refusé. Vérifiez qu'il ne contient pas de lignes ou de colonnes répétées en très grand nombre, puis déposez-le à nouveau.";

    /// <summary>"120 secondes", "0,5 seconde": at most 3 decimals, as many as the setting has.</summary>
    private string Seconds()
    {
        var seconds = Math.Round((decimal)TimeBudgetSeconds, 3);
        var decimals = Enumerable.Range(0, 4).First(d => Math.Round(seconds, d) == seconds);
        return FrenchFormat.Number(seconds, decimals) + (seconds >= 2 ? " secondes" : " seconde");
    }
}
