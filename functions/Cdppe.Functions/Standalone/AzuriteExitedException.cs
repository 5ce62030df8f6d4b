namespace Cdppe.Functions.Standalone;

/// <summary>Azurite's process ended before it listened (a port taken since it was chosen, a corrupt data folder).</summary>
public sealed class AzuriteExitedException(string message) : InvalidOperationException(message);
