namespace Cdppe.Pipeline.Model;

/// <summary>
/// What a use case answers: its value, or why it refused with the French text users read. Every surface (the API,
/// the portal) shows the same text for the same outcome.
/// </summary>
public readonly record struct Outcome<T>
    where T : class
{
    public Outcome(T value)
    {
        Value = value;
    }

    public Outcome(Refusal refusal, string message)
    {
        Refused = refusal;
        Message = message;
    }

    public T? Value { get; }

    public Refusal? Refused { get; }

    /// <summary>The French reason of a refusal (null for a value).</summary>
    public string? Message { get; }
}
