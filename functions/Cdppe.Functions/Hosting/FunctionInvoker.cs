using System.Reflection;

namespace Cdppe.Functions.Hosting;

/// <summary>
/// Runs a function as the isolated worker does: an instance of its class created from the container (constructor
/// injection, per invocation), its parameters bound by type (a string by the name of its route value), its result
/// awaited. Used by the standalone host for
/// every trigger; in Azure the worker does the same from <c>functions.metadata</c>.
/// </summary>
public static class FunctionInvoker
{
    /// <summary>
    /// Invokes <paramref name="function"/> with services from <paramref name="services"/> (a scope of the app's
    /// container); each parameter takes the first value of <paramref name="values"/> of its type, the route value of
    /// its name for a string of an HTTP function, or the cancellation token. Returns what the function returned (null for a <see cref="Task"/>).
    /// </summary>
    public static async Task<object?> InvokeAsync(DeclaredFunction function, IServiceProvider services, CancellationToken cancellationToken, params object[] values)
    {
        var instance = function.Method.IsStatic ? null : ActivatorUtilities.GetServiceOrCreateInstance(services, function.Class);
        var arguments = function.Method.GetParameters().Select(p => Bind(function, p, values, cancellationToken)).ToArray();
        var returned = function.Method.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
        switch (returned)
        {
            case Task task:
                await task;
                return function.Method.ReturnType.IsGenericType ? function.Method.ReturnType.GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            default:
                return returned;
        }
    }

    private static object? Bind(DeclaredFunction function, ParameterInfo parameter, object[] values, CancellationToken cancellationToken)
    {
        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return cancellationToken;
        }

        // A string parameter named after a route value takes it, as the worker binds route parameters by name.
        if (parameter.ParameterType == typeof(string) && values.OfType<HttpRequest>().FirstOrDefault() is { } request
            && request.RouteValues.TryGetValue(parameter.Name ?? string.Empty, out var routed))
        {
            return routed?.ToString();
        }

        return values.FirstOrDefault(parameter.ParameterType.IsInstanceOfType)
            ?? (parameter.HasDefaultValue ? parameter.DefaultValue : throw new InvalidOperationException($"{function.Name}: no value for parameter {parameter.Name} ({parameter.ParameterType.Name})."));
    }
}
