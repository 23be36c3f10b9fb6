using System.Buffers.Binary;
using System.Numerics.Tensors;

namespace CiteGraph.Graph.Storage;

/// <summary>
/// Stores a vector as signed bytes with one float scale per vector: 4 + n bytes instead of 4n (388 instead of 1,536 for
/// 384 dimensions). Each component is <c>round(x / scale)</c> with <c>scale = max|x| / 127</c>, so the largest keeps
/// full range; bench/RESULTS.md ("Embeddings") gives the measured ranking loss against float32.
/// </summary>
public static class Int8VectorCodec
{
    /// <summary>Bytes of an encoded vector of <paramref name="dimensions"/> components.</summary>
    public static int EncodedLength(int dimensions) => sizeof(float) + dimensions;

    /// <summary>Encodes a vector: its scale (float32, little-endian), then one signed byte per component.</summary>
    public static byte[] Encode(ReadOnlySpan<float> vector)
    {
        var bytes = new byte[EncodedLength(vector.Length)];
        // MaxMagnitude keeps the sign of the component it finds.
        var max = vector.Length == 0 ? 0f : Math.Abs(TensorPrimitives.MaxMagnitude(vector));
        var scale = max > 0f && float.IsFinite(max) ? max / 127f : 0f;
        BinaryPrimitives.WriteSingleLittleEndian(bytes, scale);
        if (scale > 0f)
        {
            for (var i = 0; i < vector.Length; i++)
            {
                bytes[sizeof(float) + i] = unchecked((byte)(sbyte)Math.Clamp(MathF.Round(vector[i] / scale), -127f, 127f));
            }
        }

        return bytes;
    }

    /// <summary>Decodes what <see cref="Encode"/> wrote and renormalises it to unit length (quantization shifts the norm slightly).</summary>
    public static float[] Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < sizeof(float))
        {
            throw new FormatException($"An encoded vector has at least {sizeof(float)} bytes, not {bytes.Length}.");
        }

        var scale = BinaryPrimitives.ReadSingleLittleEndian(bytes);
        var vector = new float[bytes.Length - sizeof(float)];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = unchecked((sbyte)bytes[sizeof(float) + i]) * scale;
        }

        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0f)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }
}
