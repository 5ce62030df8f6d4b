namespace Cdppe.Tests.Architecture;

/// <summary>A folder of the code that uses another one, with one example of a use (a type and what it uses).</summary>
public sealed record FolderDependency(string From, string To, string Example);
