// Tests run server modules outside Next; the real package would throw there.
export {};
