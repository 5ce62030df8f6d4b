namespace Cdppe.Tests.FunctionsHost;

/// <summary>Reading what a host wrote (<see cref="FunctionsHostProcess.Output"/>): how many times a line's text occurs.</summary>
public static class HostOutput
{
    /// <summary>The host's own line for a successful run of the consolidation timer.</summary>
    public const string TimerExecuted = "Executed 'Functions.ConsolidateMonthly' (Succeeded";

    public static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
