using System.Reflection;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Cdppe.Functions.Hosting;

/// <summary>Every <c>[Function]</c> method of this assembly, found once by reflection.</summary>
public static class FunctionCatalog
{
    public static IReadOnlyList<DeclaredFunction> All { get; } = Discover(typeof(FunctionCatalog).Assembly);

    public static IEnumerable<DeclaredFunction> Http => All.Where(f => f.Http is not null);

    public static DeclaredFunction Get(string name) =>
        All.SingleOrDefault(f => f.Name == name) ?? throw new KeyNotFoundException($"No function named {name}.");

    public static IReadOnlyList<DeclaredFunction> Discover(Assembly assembly)
    {
        var functions = new List<DeclaredFunction>();
        foreach (var type in assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
                {
                    continue;
                }

                var triggers = method.GetParameters().SelectMany(p => p.GetCustomAttributes<TriggerBindingAttribute>()).ToList();
                if (triggers.Count != 1)
                {
                    throw new InvalidOperationException($"Function {function.Name} ({type.Name}.{method.Name}) must have exactly one trigger parameter.");
                }

                functions.Add(new DeclaredFunction(function.Name, type, method, triggers[0]));
            }
        }

        return [.. functions.OrderBy(f => f.Name, StringComparer.Ordinal)];
    }
}
