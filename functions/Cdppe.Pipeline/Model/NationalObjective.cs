namespace Cdppe.Pipeline.Model;

/// <summary>One of the 26 national objectives of the contract (1-11 fondamental, 12-26 facultatif), in the national wording the report prints.</summary>
public sealed record NationalObjective(int Numero, string Libelle, string Engagement)
{
    public bool Fundamental => Numero <= 11;

    public string Nature => Fundamental ? "fondamental" : "facultatif";
}
