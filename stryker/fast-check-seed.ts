import fc from 'fast-check';

// Under mutation testing a property runs the same inputs for every mutant: one that kills a mutant in
// one run kills it in the next, and a survivor is one no input of this seed finds.
fc.configureGlobal({ seed: 0x5afe });
