using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>The contracts of a département as stored, and the version of the dataset pointers they were derived from.</summary>
public sealed record StoredContracts(IReadOnlyList<Contract> Contracts, string? HeadVersion);
