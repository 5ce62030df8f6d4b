using System.Text.RegularExpressions;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Cdppe.Tests.Architecture;

/// <summary>
/// Which folder of the code uses which, read two ways. From the compiled assembly (every type a type's signatures,
/// attributes and method bodies name, closures and state machines counted with the type that holds them); and from the
/// <c>using</c> directives of the source files, which also see what the compiler copies into the caller and so leaves out
/// of the assembly (a <c>const</c>). A folder is a namespace: the segments after <c>root</c>, <c>depth</c> of them
/// (<c>Cdppe</c>, depth 2: <c>Cdppe.Pipeline.Ingestion.Kinds</c> is folder <c>Pipeline.Ingestion</c>).
/// </summary>
public static partial class FolderDependencies
{
    public static IReadOnlyList<FolderDependency> FromAssembly(string assemblyPath, string root, int depth)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var found = new Dictionary<(string, string), FolderDependency>();
        foreach (var type in module.GetTypes())
        {
            if (FolderOf(NamespaceOf(type), root, depth) is not { } from)
            {
                continue;
            }

            foreach (var used in UsedTypes(type))
            {
                if (FolderOf(NamespaceOf(used), root, depth) is { } to && to != from)
                {
                    found.TryAdd((from, to), new FolderDependency(from, to, $"{Outermost(type).FullName} uses {Outermost(used).FullName}"));
                }
            }
        }

        return Sorted(found.Values);
    }

    public static IReadOnlyList<FolderDependency> FromSources(string directory, string root, int depth)
    {
        var found = new Dictionary<(string, string), FolderDependency>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(directory, file).Replace('\\', '/');
            if (relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            if (NamespaceLine().Match(text) is not { Success: true } declared || FolderOf(declared.Groups[1].Value, root, depth) is not { } from)
            {
                continue;
            }

            foreach (Match directive in UsingLine().Matches(text))
            {
                if (FolderOf(directive.Groups[1].Value, root, depth) is { } to && to != from)
                {
                    found.TryAdd((from, to), new FolderDependency(from, to, $"{relative} has using {directive.Groups[1].Value}"));
                }
            }
        }

        return Sorted(found.Values);
    }

    /// <summary>The folder of a namespace, or null when it is outside <paramref name="root"/>.</summary>
    public static string? FolderOf(string ns, string root, int depth)
    {
        if (!ns.StartsWith(root + ".", StringComparison.Ordinal))
        {
            return null;
        }

        var segments = ns[(root.Length + 1)..].Split('.');
        return string.Join('.', segments.Take(depth));
    }

    private static List<FolderDependency> Sorted(IEnumerable<FolderDependency> dependencies) =>
        dependencies.OrderBy(d => d.From, StringComparer.Ordinal).ThenBy(d => d.To, StringComparer.Ordinal).ToList();

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }

    private static string NamespaceOf(TypeReference type) => Outermost(type).Namespace;

    private static IEnumerable<TypeReference> UsedTypes(TypeDefinition type)
    {
        var used = new List<TypeReference>();
        void Add(TypeReference? t)
        {
            switch (t)
            {
                case null or GenericParameter:
                    return;
                case GenericInstanceType generic:
                    Add(generic.ElementType);
                    generic.GenericArguments.ToList().ForEach(Add);
                    return;
                case TypeSpecification specification:
                    Add(specification.ElementType);
                    return;
                default:
                    used.Add(t);
                    return;
            }
        }

        void AddMember(MemberReference member)
        {
            Add(member.DeclaringType);
            switch (member)
            {
                case FieldReference field:
                    Add(field.FieldType);
                    break;
                case GenericInstanceMethod generic:
                    generic.GenericArguments.ToList().ForEach(Add);
                    AddMember(generic.ElementMethod);
                    break;
                case MethodReference method:
                    Add(method.ReturnType);
                    method.Parameters.ToList().ForEach(p => Add(p.ParameterType));
                    break;
            }
        }

        void AddAttributes(ICustomAttributeProvider provider)
        {
            foreach (var attribute in provider.CustomAttributes)
            {
                Add(attribute.AttributeType);
                foreach (var argument in attribute.ConstructorArguments.Concat(attribute.Properties.Select(p => p.Argument)))
                {
                    Add(argument.Value as TypeReference);
                }
            }
        }

        Add(type.BaseType);
        type.Interfaces.ToList().ForEach(i => Add(i.InterfaceType));
        type.GenericParameters.SelectMany(p => p.Constraints).ToList().ForEach(c => Add(c.ConstraintType));
        AddAttributes(type);
        foreach (var field in type.Fields)
        {
            Add(field.FieldType);
            AddAttributes(field);
        }

        foreach (var property in type.Properties)
        {
            Add(property.PropertyType);
            AddAttributes(property);
        }

        foreach (var method in type.Methods)
        {
            AddAttributes(method);
            Add(method.ReturnType);
            method.Parameters.ToList().ForEach(p => Add(p.ParameterType));
            method.GenericParameters.SelectMany(p => p.Constraints).ToList().ForEach(c => Add(c.ConstraintType));
            method.Overrides.ToList().ForEach(AddMember);
            if (!method.HasBody)
            {
                continue;
            }

            method.Body.Variables.ToList().ForEach(v => Add(v.VariableType));
            method.Body.ExceptionHandlers.ToList().ForEach(h => Add(h.CatchType));
            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t:
                        Add(t);
                        break;
                    case MemberReference m:
                        AddMember(m);
                        break;
                    case CallSite site:
                        Add(site.ReturnType);
                        site.Parameters.ToList().ForEach(p => Add(p.ParameterType));
                        break;
                }
            }
        }

        return used;
    }

    [GeneratedRegex(@"^\s*namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingLine();
}
