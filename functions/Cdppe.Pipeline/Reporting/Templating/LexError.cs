namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>A delimiter problem found by the lexer, with the fragment of text around it.</summary>
public readonly record struct LexError(string Code, int Position, string Message);
