export default function HomePage() {
  return (
    <main id="main" className="mx-auto max-w-2xl p-6">
      <h1 className="text-2xl font-semibold">Lantern</h1>
    </main>
  );
}
