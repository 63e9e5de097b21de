using System.Collections.Concurrent;

namespace DataOps.Tests.Hosting;

/// <summary>What test functions saw, injected into them as a singleton.</summary>
public sealed class InvocationRecorder
{
    public ConcurrentQueue<(string Function, object? Value)> Calls { get; } = new();

    public ConcurrentDictionary<string, int> Attempts { get; } = new();

    public void Record(string function, object? value = null) => Calls.Enqueue((function, value));

    public int Count(string function) => Calls.Count(c => c.Function == function);

    public IReadOnlyList<T> Values<T>(string function) => [.. Calls.Where(c => c.Function == function).Select(c => (T)c.Value!)];
}
