using Cdppe.Pipeline.Model;

namespace Cdppe.Tests.Support;

/// <summary>
/// Hands each test a département code, so tests sharing one Azurite do not see each other's rows: the 100 codes not
/// used by name elsewhere in turn. A suite has more tests than codes: before a code is handed out again, every running
/// test Azurite (<see cref="AzuriteFixture"/>) empties what it stores under that code.
/// </summary>
public static class TestDepartements
{
    public const int Count = 100;

    private static int next;

    public static Departement Next()
    {
        var turn = Interlocked.Increment(ref next) - 1;
        var departement = Code((turn % Count) + 1);
        if (turn >= Count)
        {
            AzuriteFixture.EmptyEverywhere(departement);
        }

        return departement;
    }

    private static Departement Code(int n)
    {
        var code = n switch
        {
            <= 94 => (n < 20 ? n : n + 1) switch { 77 => "2A", var c => c.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) },
            _ => (971 + (n - 95)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Departement.TryParse(code, out var d) ? d.Value : throw new InvalidOperationException($"Bad test code {code}.");
    }
}
