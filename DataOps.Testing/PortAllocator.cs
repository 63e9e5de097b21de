using System.Net;
using System.Net.Sockets;

namespace DataOps.Testing;

/// <summary>Hands out TCP ports that are free on 127.0.0.1 at the time of the call.</summary>
internal static class PortAllocator
{
    /// <summary>
    /// Returns <paramref name="count"/> distinct free ports. The listeners are held open until all ports are
    /// chosen so the operating system cannot hand the same port out twice in one call.
    /// </summary>
    public static int[] GetFreePorts(int count)
    {
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }

    /// <summary>True when something accepts TCP connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
