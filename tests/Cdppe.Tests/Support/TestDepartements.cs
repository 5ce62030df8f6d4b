using Cdppe.Pipeline.Model;

namespace Cdppe.Tests.Support;

/// <summary>
/// Hands each test a département code, so tests sharing one Azurite rarely see each other's rows: the 100 codes not
/// used by name elsewhere in turn (a suite with more tests reuses each code after 100 others).
/// </summary>
public static class TestDepartements
{
    private static int next;

    public static Departement Next()
    {
        var n = ((Interlocked.Increment(ref next) - 1) % 100) + 1;
        var code = n switch
        {
            <= 94 => (n < 20 ? n : n + 1) switch { 77 => "2A", var c => c.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) },
            _ => (971 + (n - 95)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Departement.TryParse(code, out var d) ? d.Value : throw new InvalidOperationException($"Bad test code {code}.");
    }
}
