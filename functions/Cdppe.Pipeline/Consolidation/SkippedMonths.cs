using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Consolidation;

/// <summary>Consecutive months the consolidation leaves out, and why (in French, for the run record and the API).</summary>
public sealed record SkippedMonths(YearMonth From, YearMonth To, string Reason)
{
    public override string ToString() => From == To ? $"{From} : {Reason}" : $"{From} à {To} : {Reason}";
}
