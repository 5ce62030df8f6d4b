using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Cdppe.Pipeline.Model;

/// <summary>A French département identified by its INSEE code (01-95 without 20, 2A, 2B, 971-976).</summary>
public readonly record struct Departement
{
    /// <summary>The storage partition of what is recorded of files whose path names no valid département.</summary>
    public const string UnknownPartition = "_invalide";

    private Departement(string code) => Code = code;

    public string Code { get; }

    public override string ToString() => Code;

    public static bool TryParse(string? value, [NotNullWhen(true)] out Departement? departement)
    {
        departement = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var code = value.Trim().ToUpperInvariant();
        var valid = code switch
        {
            "2A" or "2B" => true,
            { Length: 2 } when int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n is >= 1 and <= 95 && n != 20,
            { Length: 3 } when int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n is >= 971 and <= 976,
            _ => false,
        };
        if (valid)
        {
            departement = new Departement(code);
        }

        return valid;
    }

    /// <summary>The French message shown when a code is not a département.</summary>
    public static string InvalidMessage(string? value) =>
        $"« {value} » n'est pas un code de département INSEE valide (attendu : 01 à 95, 2A, 2B ou 971 à 976).";
}
